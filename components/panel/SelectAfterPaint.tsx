import { useEffect, useState } from 'preact/hooks';

interface Props {
  value: string;
  options: readonly { value: string; label: string }[];
  /** The accessible name, when no label element around the select gives one. */
  label?: string;
  onChoose(value: string): void;
}

/**
 * A select that shows its value as plain text for the frame it first appears in, and is a
 * select from the next frame on.
 *
 * Chromium lays a page out at once, inside the task, when a new select joins it: a deal
 * drawn in the task where Gmail swapped its view (a thread seen before shows its deal at
 * once) made Chromium lay the whole new view out there, about 5–10 ms in a Gmail-sized page,
 * then again in the frame. Drawn a frame later, the select only lays our panel out. The text
 * is styled as the select is (panel.css, .tl-select), so nothing moves.
 */
export function SelectAfterPaint({ value, options, label, onChoose }: Props) {
  const [painted, setPainted] = useState(false);
  // Preact runs effects after the frame is painted.
  useEffect(() => setPainted(true), []);
  if (!painted)
    return (
      // Every option is laid in one cell, the others hidden, so the text is as wide as the
      // select that replaces it.
      <span class="tl-select" aria-hidden="true">
        {options.map((option) => (
          <span class={option.value === value ? undefined : 'tl-select-other'} key={option.value}>
            {option.label}
          </span>
        ))}
      </span>
    );
  return (
    <select
      value={value}
      aria-label={label}
      onChange={(e) => onChoose((e.currentTarget as HTMLSelectElement).value)}
    >
      {options.map((option) => (
        <option value={option.value} key={option.value}>
          {option.label}
        </option>
      ))}
    </select>
  );
}
