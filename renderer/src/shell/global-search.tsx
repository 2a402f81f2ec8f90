/**
 * Search across the workspace from the header (`search.grouped`): case titles, summaries, notes
 * and tags, every seizure's commodity, species, place and source, and every entity's names,
 * identifiers and links' sources — grouped by kind (cases, seizures, entities), each group
 * ranked. A combobox: type, move with the arrow keys, Enter opens the case, the seizure or the
 * case's entities; matches are highlighted from the service's snippet marks. "/" anywhere else
 * focuses it.
 */
import { useDeferredValue, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import type { SearchHit } from '../../../shared/rpc/cases';
import { Fragment } from 'react';
import { navigate } from '../app/router';
import { projectionChanged, useLiveQuery } from '../data/use-live-query';
import { Icon } from '../ui/icons';
import { focusSnippet, snippetParts } from './snippet-parts';
import { t } from '../../../shared/messages';
import { MAX_SEARCH_TERMS, parseSearchQuery, type SearchNote } from '../../../shared/search/search-query';

/** A note on how the query was read, as a sentence. */
function noteText(n: SearchNote): string {
  if (n.kind === 'field') return t('ui.search.note.field', { field: n.field });
  if (n.kind === 'too-many') return t('ui.search.note.too-many', { max: MAX_SEARCH_TERMS });
  return t(`ui.search.note.${n.kind}`);
}

/** Hits shown per kind: few enough that the list rarely scrolls; refine the words for others. */
const MAX_PER_KIND = 4;

/** Longest query the search methods take (shared/rpc/cases.ts `search.*`: `text` max 200); longer input is cut, as the field's maxLength does for typing and pasting. */
const MAX_QUERY_CHARS = 200;

/** The header search of a workspace. */
export function GlobalSearch(props: { workspaceId: string }): ReactNode {
  const { workspaceId } = props;
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const query = useDeferredValue(text.trim());
  const listId = useId();
  const box = useRef<HTMLDivElement>(null);
  const hits = useLiveQuery('search.grouped', query.length >= 2 ? { workspaceId, text: query, limitPerKind: MAX_PER_KIND } : null, { refetchOn: [projectionChanged(workspaceId)], keepPrevious: true });
  // A failed query shows nothing, never the previous query's hits (tester F-SEARCH-1).
  const groups = query.length >= 2 && !hits.error ? (hits.data ?? []) : [];
  // One flat list for the arrow keys, in the groups' order.
  const list = groups.flatMap((g) => g.hits);
  const cases = useLiveQuery('cases.list', open ? { workspaceId } : null, { refetchOn: [projectionChanged(workspaceId)] });
  const numbers = new Map((cases.data ?? []).map((c) => [c.id, c.number]));

  const input = useRef<HTMLInputElement>(null);

  useEffect(() => setActive(0), [query]);
  // "/" anywhere outside a text field jumps to the search, as in most professional tools.
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey) return;
      const t = e.target as HTMLElement | null;
      if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
      if (document.querySelector('dialog[open]')) return;
      e.preventDefault();
      input.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
  useEffect(() => {
    const onDown = (e: MouseEvent): void => {
      if (!box.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, []);

  const go = (h: SearchHit): void => {
    setOpen(false);
    setText('');
    if (h.kind === 'seizure') navigate({ name: 'case', ws: workspaceId, caseId: h.caseId, tab: 'seizures', seizureId: h.recordId });
    else if (h.kind === 'entity') navigate({ name: 'case', ws: workspaceId, caseId: h.caseId, tab: 'entities' });
    else navigate({ name: 'case', ws: workspaceId, caseId: h.caseId, tab: 'overview' });
  };

  const showList = open && query.length >= 2;
  // The service reads the query the same way (shared/search/search-query.ts): say what it did not read as typed (tester F-SEARCH-2).
  const reading = parseSearchQuery(query);
  return (
    <div className="global-search" ref={box}>
      <div className="input-with-icon">
        <Icon name="search" />
        <input
          ref={input}
          className="input input-sm"
          type="search"
          role="combobox"
          aria-label={t('ui.shell.search-label')}
          aria-keyshortcuts="/"
          aria-expanded={showList}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={showList && list[active] ? `${listId}-${active}` : undefined}
          placeholder={t('ui.shell.search-placeholder')}
          value={text}
          maxLength={MAX_QUERY_CHARS}
          onChange={(e) => {
            setText(e.target.value.slice(0, MAX_QUERY_CHARS));
            setOpen(true);
          }}
          onFocus={() => setOpen(true)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') {
              e.preventDefault();
              setActive((a) => Math.min(a + 1, list.length - 1));
            } else if (e.key === 'ArrowUp') {
              e.preventDefault();
              setActive((a) => Math.max(a - 1, 0));
            } else if (e.key === 'Enter' && list[active]) {
              e.preventDefault();
              go(list[active]);
            } else if (e.key === 'Escape') setOpen(false);
          }}
        />
      </div>
      {showList ? (
        <div className="search-popover">
          {reading.notes.length ? (
            <ul className="search-notes" data-testid="search-notes">
              {reading.notes.map((n, i) => (
                <li key={i}>
                  <Icon name="info" size={14} /> {noteText(n)}
                </li>
              ))}
            </ul>
          ) : null}
          {hits.loading && !hits.data ? <p className="search-empty">{t('ui.shell.searching')}</p> : null}
          {hits.data && !list.length ? <p className="search-empty">{t('ui.shell.nothing-found', { query })}</p> : null}
          <ul id={listId} role="listbox" aria-label={t('ui.shell.search-results')} className="search-results">
            {list.map((h, i) => (
              <Fragment key={`${h.kind}-${h.recordId}`}>
                {i === 0 || list[i - 1]!.kind !== h.kind ? (
                  <li role="presentation" className="search-group">
                    {t('ui.search.group', { kind: h.kind })}
                  </li>
                ) : null}
              <li
                id={`${listId}-${i}`}
                role="option"
                aria-selected={i === active}
                className="search-result"
                onMouseEnter={() => setActive(i)}
                onMouseDown={(e) => {
                  e.preventDefault();
                  go(h);
                }}
              >
                <span className="search-result-icon" aria-hidden="true">
                  <Icon name={h.kind === 'case' ? 'briefcase' : h.kind === 'entity' ? 'users' : 'pin'} size={14} />
                </span>
                <span className="grow search-result-text">
                  <span className="search-result-title">{snippetParts(h.titleMarked).map((p, k) => (p.hit ? <mark key={k}>{p.text}</mark> : <span key={k}>{p.text}</span>))}</span>
                  <span className="search-result-snippet">
                    {focusSnippet(snippetParts(h.snippet)).map((p, k) => (p.hit ? <mark key={k}>{p.text}</mark> : <span key={k}>{p.text}</span>))}
                  </span>
                </span>
                <span className="search-result-kind">
                  {t('ui.search.kind', { kind: h.kind })}
                  {numbers.get(h.caseId) ? <span className="search-result-case">{numbers.get(h.caseId)}</span> : null}
                </span>
              </li>
              </Fragment>
            ))}
          </ul>
          <p className="search-syntax">{t('ui.search.syntax')}</p>
        </div>
      ) : null}
    </div>
  );
}
