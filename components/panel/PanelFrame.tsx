import type { ComponentChildren } from 'preact';
import { t } from '../i18n';

interface Props {
  collapsed: boolean;
  onToggle(): void;
  children: ComponentChildren;
}

/** The panel's landmark and its collapse tab. Same frame on Gmail and LinkedIn. */
export function PanelFrame({ collapsed, onToggle, children }: Props) {
  return (
    <aside role="complementary" aria-label="Threadline" class={collapsed ? 'tl-panel tl-collapsed' : 'tl-panel'}>
      <button
        type="button"
        class="tl-tab"
        aria-expanded={!collapsed}
        aria-label={collapsed ? t('panel_expand') : t('panel_collapse')}
        title={collapsed ? t('panel_expand') : t('panel_collapse')}
        onClick={onToggle}
      >
        <span aria-hidden="true">{collapsed ? '‹' : '›'}</span>
        <span class="tl-tab-label">Threadline</span>
      </button>
      {!collapsed && <div class="tl-body">{children}</div>}
    </aside>
  );
}
