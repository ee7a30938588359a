import { fireEvent, getByRole, waitFor } from '@testing-library/preact';
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SelectAfterPaint } from '../../../components/panel/SelectAfterPaint';

const STAGES = [
  { value: 'lead', label: 'Lead' },
  { value: 'qualified', label: 'Qualified' },
  { value: 'proposal', label: 'Proposal' },
];

describe('a select drawn a frame after its card', () => {
  const container = document.body.appendChild(document.createElement('div'));
  afterEach(() => render(null, container));

  it('shows its value at once, then is a select the rep can change', async () => {
    const onChoose = vi.fn();
    // Rendered as a page renders it (testing-library's render would run the effects at once).
    render(
      <SelectAfterPaint value="qualified" options={STAGES} label="Stage" onChoose={onChoose} />,
      container,
    );
    // The first frame: the value as text, no select yet, nothing for a screen reader twice.
    expect(container.querySelector('select')).toBeNull();
    const shown = [...container.querySelectorAll('.tl-select > span:not(.tl-select-other)')];
    expect(shown.map((span) => span.textContent)).toEqual(['Qualified']);

    const select = await waitFor(() => getByRole(container, 'combobox', { name: 'Stage' }));
    expect((select as HTMLSelectElement).value).toBe('qualified');
    expect(container.querySelector('.tl-select')).toBeNull();
    (select as HTMLSelectElement).value = 'proposal';
    fireEvent.change(select);
    expect(onChoose).toHaveBeenCalledWith('proposal');
  });
});
