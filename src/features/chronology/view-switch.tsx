import type { ViewMode } from '../../lib/url-search-params';

const MODES: { mode: ViewMode; label: string }[] = [
  { mode: 'timeline', label: 'Timeline' },
  { mode: 'list', label: 'Chronology' },
];

/** Timeline or chronology: two toggle buttons, the one shown pressed. */
export function ViewSwitch({
  mode,
  onChange,
}: {
  mode: ViewMode;
  onChange: (mode: ViewMode) => void;
}) {
  return (
    <div className="view-switch" role="group" aria-label="Show the events as">
      {MODES.map((m) => (
        <button
          key={m.mode}
          type="button"
          className="view-switch-button"
          aria-pressed={mode === m.mode}
          onClick={() => {
            if (mode !== m.mode) onChange(m.mode);
          }}
        >
          {m.label}
        </button>
      ))}
    </div>
  );
}
