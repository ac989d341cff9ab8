import type { ComponentChildren } from 'preact';

interface ToggleProps {
  id: string;
  label: ComponentChildren;
  checked: boolean;
  disabled?: boolean;
  /** Shown under the row and read with the control (aria-describedby). */
  hint?: ComponentChildren;
  /** Called inside the click handler itself (a user gesture: permission requests need it). */
  onToggle: (next: boolean) => void;
}

/** One on/off row: a labelled checkbox with the switch role. */
export function Toggle({ id, label, checked, disabled, hint, onToggle }: ToggleProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div class="row toggle">
      <label for={id}>{label}</label>
      <input
        id={id}
        type="checkbox"
        role="switch"
        checked={checked}
        disabled={disabled}
        aria-describedby={hintId}
        onClick={(e) => onToggle((e.currentTarget as HTMLInputElement).checked)}
      />
      {hint && (
        <p id={hintId} class="hint">
          {hint}
        </p>
      )}
    </div>
  );
}
