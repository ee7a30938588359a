import { readFileSync } from 'node:fs';
import { cleanup, fireEvent, render } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setCatalog } from '../../../i18n/i18n';
import type { MessageCatalog } from '../../../i18n/message-catalog';
import { FollowUpCoach } from '../../../components/panel/FollowUpCoach';

const catalog = (lang: 'en' | 'tr' | 'fi'): MessageCatalog =>
  JSON.parse(readFileSync(`public/_locales/${lang}/messages.json`, 'utf8'));

describe('follow-up coaching', () => {
  afterEach(() => {
    cleanup();
    setCatalog(null);
  });

  it('says nothing before the second unanswered follow-up', () => {
    setCatalog(catalog('en'));
    for (const count of [0, 1, Number.NaN]) {
      const { container } = render(<FollowUpCoach followUpCount={count} onFollowUp={() => {}} />);
      expect(container.textContent, String(count)).toBe('');
      cleanup();
    }
  });

  it('from the second, says most reps stop there and offers one more that refers to the earlier mail', () => {
    setCatalog(catalog('en'));
    const onFollowUp = vi.fn();
    const { getByRole, getByText } = render(
      <FollowUpCoach followUpCount={2} onFollowUp={onFollowUp} />,
    );
    expect(
      getByText(
        '2 follow-ups without an answer. Most reps stop here: one more that refers to your earlier mail often gets the reply.',
      ),
    ).toBeTruthy();
    fireEvent.click(getByRole('button', { name: 'Follow up' }));
    expect(onFollowUp).toHaveBeenCalledTimes(1);
    cleanup();
    const later = render(<FollowUpCoach followUpCount={5} onFollowUp={onFollowUp} />);
    expect(later.getByRole('note').textContent).toMatch(/^5 follow-ups without an answer\./);
  });

  it('speaks Turkish and Finnish', () => {
    setCatalog(catalog('tr'));
    const tr = render(<FollowUpCoach followUpCount={3} onFollowUp={() => {}} />);
    expect(tr.getByRole('note').querySelector('p')?.textContent).toBe(
      '3 takip e-postası yanıtsız kaldı. Çoğu satış temsilcisi burada vazgeçer: önceki e-postanıza değinen bir takip daha çoğu zaman yanıt getirir.',
    );
    expect(tr.getByRole('button').textContent).toBe('Takip e-postası yaz');
    cleanup();
    setCatalog(catalog('fi'));
    const fi = render(<FollowUpCoach followUpCount={2} onFollowUp={() => {}} />);
    expect(fi.getByRole('note').querySelector('p')?.textContent).toMatch(
      /^2 seurantaviestiä ilman vastausta\./,
    );
    expect(fi.getByRole('button').textContent).toBe('Kirjoita seurantaviesti');
  });

  it('renders its text as text', () => {
    setCatalog({
      coach_follow_up_line: { message: '<img src=x onerror=alert(1)> $1' },
      coach_follow_up_button: { message: '<b>Go</b>' },
    });
    const { container } = render(<FollowUpCoach followUpCount={2} onFollowUp={() => {}} />);
    expect(container.querySelector('img, b')).toBeNull();
    expect(container.textContent).toContain('<img src=x onerror=alert(1)> 2');
  });
});
