import { CloseIcon, InfoIcon } from '../lib/icons';

export interface Notice {
  id: number;
  text: string;
}

/** Visible, dismissible notices, announced politely as a status. */
export function Notices({
  notices,
  onDismiss,
}: {
  notices: readonly Notice[];
  onDismiss: (id: number) => void;
}) {
  return (
    <div className="notices" role="status" aria-live="polite">
      {notices.map((n) => (
        <div key={n.id} className="notice">
          <span className="notice-icon">
            <InfoIcon size={18} />
          </span>
          <span className="notice-text">{n.text}</span>
          <button
            type="button"
            className="icon-button small"
            onClick={() => onDismiss(n.id)}
            aria-label={`Dismiss notice: ${n.text}`}
          >
            <CloseIcon size={14} />
          </button>
        </div>
      ))}
    </div>
  );
}
