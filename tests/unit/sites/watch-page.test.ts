import { afterEach, describe, expect, it } from 'vitest';
import { watchPage } from '../../../sites/shared/watch-page';

const settle = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('the page watcher', () => {
  let controller: AbortController;
  afterEach(() => {
    controller.abort();
    document.body.replaceChildren();
  });

  it('sleeps through class changes on list rows, and wakes for views, ids and other class changes', async () => {
    document.body.innerHTML =
      '<div class="view"><table><tbody><tr class="zA"><td class="xY"><span>Hi</span></td></tr></tbody></table></div>';
    controller = new AbortController();
    let calls = 0;
    watchPage(controller.signal, () => calls++);
    await settle();
    calls = 0;

    const row = document.querySelector('tr')!;
    for (let i = 0; i < 20; i++) {
      row.classList.toggle('x7');
      row.querySelector('td')!.classList.toggle('aqw');
      await settle();
    }
    expect(calls).toBe(0);

    document.querySelector('.view')!.classList.add('hidden');
    await settle();
    expect(calls).toBe(1);
    row.setAttribute('data-thread-perm-id', 'thread-f:1');
    await settle();
    expect(calls).toBe(2);
    document.body.append(document.createElement('div'));
    await settle();
    expect(calls).toBe(3);
  });
});
