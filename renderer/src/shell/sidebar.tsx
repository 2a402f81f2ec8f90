/**
 * The dark sidebar: brand, the open workspace, navigation (cases, seizure map, about the data,
 * relay & members, switch or join a workspace) and who is signed in on this computer.
 */
import type { ReactNode } from 'react';
import type { Route } from '../app/router';
import type { WorkspaceSummary } from '../../../shared/rpc/app';
import { MEMBER_ROLE_LABELS } from '../../../shared/domain/codes';
import { useIdentity } from '../app/services';
import { memberColor } from '../domain/member-color';
import { Avatar } from '../ui/avatar';
import { Icon, type IconName } from '../ui/icons';
import { BrandMark } from './brand';
import { JoinNavButton } from '../members/join-launchers';
import { canIn } from '../members/use-can';
import { HeldDeletionsNavLink } from '../history/held-deletions-nav';
import { t } from '../../../shared/messages';

/** The sidebar of a workspace. */
export function Sidebar(props: { ws: WorkspaceSummary | null; route: Route }): ReactNode {
  const identity = useIdentity();
  const { ws, route } = props;
  return (
    <nav className="sidebar" aria-label={t('ui.shell.main-nav')}>
      <div className="sidebar-brand">
        <BrandMark />
        <span className="brand-name">
          {t('ui.shell.product-name')}
          <span className="brand-sub">{t('ui.shell.brand-sub')}</span>
        </span>
      </div>
      {ws ? (
        <div className="sidebar-workspace">
          <span className="sidebar-workspace-label">{t('ui.shell.workspace')}</span>
          <span className="sidebar-workspace-name">{ws.name}</span>
          <span className="sidebar-workspace-meta">
            {ws.demo ? t('ui.shell.demo-meta') : t('ui.shell.workspace-meta', { prefix: ws.casePrefix, currency: ws.reportingCurrency })}
          </span>
        </div>
      ) : null}
      {ws ? (
        <div className="sidebar-nav">
          <NavLink icon="briefcase" href={`#/w/${ws.id}`} current={route.name === 'cases' || route.name === 'case'} count={ws.caseCount}>
            {t('ui.shell.cases')}
          </NavLink>
          <NavLink icon="map" href={`#/w/${ws.id}/map`} current={route.name === 'map'}>
            {t('ui.shell.seizure-map')}
          </NavLink>
          <NavLink icon="link" href={`#/w/${ws.id}/shared-ids`} current={route.name === 'shared-ids'}>
            {t('shared-ids.title')}
          </NavLink>
          <NavLink icon="database" href={`#/w/${ws.id}/sources`} current={route.name === 'sources'}>
            {t('ui.shell.about-data')}
          </NavLink>
          <NavLink icon="book" href={`#/w/${ws.id}/commodities`} current={route.name === 'commodities'}>
            {t('ui.commodities.heading')}
          </NavLink>
          <NavLink icon="users" href={`#/w/${ws.id}/relay`} current={route.name === 'relay'}>
            {t('ui.shell.relay-members')}
          </NavLink>
          {!ws.problem && canIn(ws, 'deletions.decide') ? <HeldDeletionsNavLink workspaceId={ws.id} current={route.name === 'held-deletions'} /> : null}
        </div>
      ) : null}
      {ws ? (
        <>
          <div className="sidebar-section-title">{t('ui.shell.valuation')}</div>
          <div className="sidebar-nav">
            <NavLink icon="chart" href={`#/w/${ws.id}/estimates`} current={route.name === 'estimates'}>
              {t('ui.shell.estimates')}
            </NavLink>
            <NavLink icon="tag" href={`#/w/${ws.id}/prices`} current={route.name === 'prices'}>
              {t('ui.shell.price-references')}
            </NavLink>
            <NavLink icon="globe" href={`#/w/${ws.id}/rates`} current={route.name === 'rates'}>
              {t('ui.shell.exchange-rates')}
            </NavLink>
          </div>
        </>
      ) : null}
      <div className="sidebar-section-title">{t('ui.shell.workspaces')}</div>
      <div className="sidebar-nav">
        <NavLink icon="layers" href="#/" current={false}>
          {t('ui.shell.switch-workspace')}
        </NavLink>
        <JoinNavButton />
      </div>
      <div className="sidebar-spacer" />
      <div className="sidebar-user">
        <Avatar name={identity.name} color={memberColor(identity.memberId)} />
        <span className="grow">
          <span className="sidebar-user-name">{identity.name}</span>
          <span className="sidebar-user-meta">
            {identity.agency} · {MEMBER_ROLE_LABELS[ws?.role ?? identity.role]}
          </span>
        </span>
      </div>
    </nav>
  );
}

function NavLink(props: { icon: IconName; href: string; current: boolean; count?: number; children: ReactNode }): ReactNode {
  return (
    <a className="nav-link" href={props.href} aria-current={props.current ? 'page' : undefined}>
      <Icon name={props.icon} />
      {props.children}
      {props.count !== undefined ? <span className="nav-count">{props.count}</span> : null}
    </a>
  );
}
