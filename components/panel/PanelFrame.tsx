import type { ComponentChildren } from 'preact';
import { t, uiLanguage } from '../../i18n/i18n';

/** A forced theme, or auto to follow the system (the host page's is resolved before). */
export type PanelTheme = 'auto' | 'light' | 'dark';

interface Props {
  collapsed: boolean;
  theme: PanelTheme;
  onToggle(): void;
  children: ComponentChildren;
}

/** The panel's landmark and its collapse tab. Same frame on Gmail and LinkedIn. */
export function PanelFrame({ collapsed, theme, onToggle, children }: Props) {
  return (
    <aside
      role="complementary"
      aria-label="Threadline"
      class={collapsed ? 'tl-panel tl-collapsed' : 'tl-panel'}
      data-theme={theme}
      lang={uiLanguage()}
    >
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
