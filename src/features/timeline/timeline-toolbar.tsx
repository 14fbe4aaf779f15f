import { FitIcon, MinusIcon, PlusIcon } from '../../lib/icons';
import type { Cluster } from './timeline-items';

export interface TimelineToolbarProps {
  clusters: readonly Cluster[];
  onFit: () => void;
  onZoom: (factor: number) => void;
  onJump: (cluster: Cluster) => void;
}

export function TimelineToolbar({ clusters, onFit, onZoom, onJump }: TimelineToolbarProps) {
  return (
    <div className="timeline-toolbar" role="group" aria-label="Timeline view controls">
      <div className="tool-group">
        <button type="button" className="button tool" onClick={onFit}>
          <FitIcon size={14} /> Fit all
        </button>
        <button
          type="button"
          className="button tool"
          onClick={() => onZoom(0.5)}
          aria-label="Zoom in"
        >
          <PlusIcon size={15} />
        </button>
        <button
          type="button"
          className="button tool"
          onClick={() => onZoom(2)}
          aria-label="Zoom out"
        >
          <MinusIcon size={15} />
        </button>
      </div>
      {clusters.length > 1 ? (
        <div className="tool-group jump">
          <span className="tool-label" id="jump-label">
            Jump to
          </span>
          {clusters.map((c) => (
            <button
              key={`${c.start}-${c.end}`}
              type="button"
              className="button tool chip"
              aria-describedby="jump-label"
              onClick={() => onJump(c)}
            >
              {c.label}
            </button>
          ))}
        </div>
      ) : null}
    </div>
  );
}
