/**
 * English sentences of the case file's later parts (issue 12): history sentences for tasks,
 * timeline events, entities and links (they follow the member's name, so they start lower-case),
 * the history filters, the case list's extra columns and filters, case templates, grouped search
 * and saving the link chart. Entity kinds and relationships reuse the selects of entities.ts.
 */
import { RELATIONSHIP_SELECT } from './entities';

/** How two cases relate (shared/domain/case-link.ts CASE_RELATIONS), as ICU select cases ('-' → '_'), as a label. */
export const CASE_RELATION_SELECT_TITLE = 'same_network {Same network} same_shipment {Same shipment} same_suspects {Same suspects} follow_up {Follow-up} parallel {Parallel investigation} other {Related}';
/** The same in running text. */
export const CASE_RELATION_SELECT = 'same_network {same network} same_shipment {same shipment} same_suspects {same suspects} follow_up {follow-up} parallel {parallel investigation} other {related}';

/** "the vessel", "the person", … as a select over entity kinds ('-' written '_'). */
const THE_KIND =
  'person {the person} organisation {the organisation} vessel {the vessel} vehicle {the vehicle} aircraft {the aircraft} bank_account {the bank account} crypto_wallet {the crypto wallet} phone {the phone} email {the e-mail address} address {the address} other {the entity}';

export const caseWorkMessages = {
  // ---- History sentences ---------------------------------------------------------------------
  'ui.case.activity.task-add': 'added the task “{task}”',
  'ui.case.activity.task-update': 'changed {changes} of the task “{task}”',
  'ui.case.activity.task-update-fields': 'edited the task “{task}” ({fields})',
  'ui.case.activity.task-progress': 'logged progress on the task “{task}”',
  'ui.case.activity.task-delete': 'deleted the task “{task}”',
  'ui.case.activity.task-unnamed': 'a task',
  'ui.case.activity.event-add': 'added the timeline event “{event}”',
  'ui.case.activity.event-update': 'changed {changes} of the timeline event “{event}”',
  'ui.case.activity.event-update-fields': 'edited the timeline event “{event}” ({fields})',
  'ui.case.activity.event-delete': 'deleted the timeline event “{event}”',
  'ui.case.activity.entity-add': `added {kind, select, ${THE_KIND}} “{name}”`,
  'ui.case.activity.entity-update': `changed {changes} of {kind, select, ${THE_KIND}} “{name}”`,
  'ui.case.activity.entity-update-fields': `edited {kind, select, ${THE_KIND}} “{name}” ({fields})`,
  'ui.case.activity.entity-restore': `restored {changes} of {kind, select, ${THE_KIND}} “{name}”`,
  'ui.case.activity.entity-delete': `deleted {kind, select, ${THE_KIND}} “{name}”`,
  'ui.case.activity.link-add': `linked “{from}” to “{to}” as {relationship, select, ${RELATIONSHIP_SELECT}}`,
  'ui.case.activity.link-update': 'changed {changes} of the link from “{from}” to “{to}”',
  'ui.case.activity.link-update-fields': 'edited the link from “{from}” to “{to}” ({fields})',
  'ui.case.activity.link-delete': `removed the link “{from}” {relationship, select, ${RELATIONSHIP_SELECT}} “{to}”`,
  'ui.case.activity.record-unnamed': 'an unnamed record',
  // ---- History card: filters -----------------------------------------------------------------
  'ui.case.activity.filter-member': 'Member',
  'ui.case.activity.filter-record': 'Record',
  'ui.case.activity.all-members': 'All members',
  'ui.case.activity.all-records': 'All records',
  'ui.case.activity.record-option': `{kind, select, case {Case} seizure {Seizure} route {Route} valuation {Valuation} task {Task} event {Timeline event} entity {Entity} link {Link} caseLink {Linked case} other {Record}}: {name}`,
  'ui.case.activity.case-link-add': `linked this case to another case ({relation, select, ${CASE_RELATION_SELECT}}): “{reason}”`,
  'ui.case.activity.case-link-update': `changed the link to another case ({relation, select, ${CASE_RELATION_SELECT}}): “{reason}”`,
  'ui.case.activity.case-link-delete': `removed the link to another case ({relation, select, ${CASE_RELATION_SELECT}}): “{reason}”`,
  'ui.case.activity.record-case': 'the case itself',
  'ui.case.activity.no-match': 'No entry by this member about this record.',
  'ui.case.activity.member-agency': '{name} ({agency})',
  'ui.case.activity.show-more': 'Show {count, plural, one {# more entry} other {# more entries}}',
  // ---- Case list: filters and columns --------------------------------------------------------
  'ui.cases.filter-severity': 'Filter by severity',
  'ui.cases.all-severities': 'Any severity',
  'ui.cases.filter-tlp': 'Filter by TLP marking',
  'ui.cases.all-tlp': 'Any TLP',
  'ui.cases.tlp-option': 'TLP:{marking}',
  'ui.cases.filter-assignee': 'Filter by assignee',
  'ui.cases.all-assignees': 'Anyone',
  'ui.cases.filter-tag': 'Filter by tag',
  'ui.cases.tag-placeholder': 'Tag',
  'ui.cases.filter-agency': 'Filter by lead agency',
  'ui.cases.agency-placeholder': 'Lead agency',
  'ui.cases.col-severity': 'Severity',
  'ui.cases.col-assignee': 'Assignee',
  'ui.cases.col-opened': 'Opened',
  // ---- Case templates -----------------------------------------------------------------------
  'ui.templates.none': 'No template',
  'ui.templates.choose': 'Choose a template',
  'ui.templates.option': '{name} ({count, plural, =0 {no tasks} one {# task} other {# tasks}})',
  'ui.templates.template': 'Template',
  'ui.templates.template-hint': 'Fills the empty fields and adds its tasks; what you enter here is kept.',
  'ui.templates.apply': 'Apply template',
  'ui.templates.apply-title': 'Apply a case template',
  'ui.templates.apply-description': 'Adds the template’s tasks and fills only the case fields that are still empty; nothing already written is changed.',
  'ui.templates.applied': 'Added {tasks, plural, =0 {no tasks} one {# task} other {# tasks}}{hasFields, select, yes { and filled the {fields}} other {; no empty field to fill}}.',
  'ui.templates.title': 'Case templates',
  'ui.templates.manage': 'Templates',
  'ui.templates.close': 'Close',
  'ui.templates.new': 'New template',
  'ui.templates.new-title': 'New case template',
  'ui.templates.edit-title': 'Edit template “{name}”',
  'ui.templates.save': 'Save template',
  'ui.templates.name': 'Name',
  'ui.templates.title-prefix': 'Title prefix',
  'ui.templates.title-prefix-hint': 'Put before a new case’s title, e.g. “Port seizure: ”.',
  'ui.templates.tags': 'Tags',
  'ui.templates.tags-hint': 'Separated by commas.',
  'ui.templates.tasks': 'Tasks',
  'ui.templates.tasks-hint': 'One task a line: title ; agency ; days until due (agency and days optional).',
  'ui.templates.task-count': '{count, plural, =0 {none} one {# task} other {# tasks}}',
  'ui.templates.delete': 'Delete template {name}',
  'ui.templates.empty': 'No case templates yet',
  'ui.templates.empty-text': 'A template presets a kind of case: a title prefix, default fields and a bundle of tasks.',
  // ---- Search box (grouped by kind) -------------------------------------------------------------
  'ui.search.group': '{kind, select, case {Cases} seizure {Seizures} entity {People, companies and identifiers} other {Other}}',
  'ui.search.kind': '{kind, select, case {Case} seizure {Seizure} entity {Entity} other {Record}}',
  // ---- Link chart PNG ------------------------------------------------------------------------
  'chart.png-saved': 'Link chart saved as PNG',
  'chart.png-failed': 'The link chart could not be saved.',
  // ---- Linked cases (renderer/src/case/linked-cases-card.tsx) ---------------------------------
  'ui.case.links.title': 'Linked cases',
  'ui.case.links.count': '{count, plural, =0 {none} one {# case} other {# cases}}',
  'ui.case.links.none': 'This case is not linked to another case. Link cases that share a network, a shipment or suspects, in any jurisdiction, so they are read together.',
  'ui.case.links.add': 'Link a case',
  'ui.case.links.add-title': 'Link another case',
  'ui.case.links.add-text': 'Say how the two cases relate and why: the reason is what a colleague in another agency reads first.',
  'ui.case.links.add-submit': 'Link case',
  'ui.case.links.field-case': 'Case',
  'ui.case.links.field-relation': 'Relation',
  'ui.case.links.field-reason': 'Reason',
  'ui.case.links.reason-hint': 'E.g. “Same consignee, Baraka Traders, in both bills of lading”.',
  'ui.case.links.no-other-cases': 'There is no other case you can see that is not linked already.',
  'ui.case.links.case-label': '{number} · {title}',
  'ui.case.links.hidden-case': 'A case you cannot open',
  'ui.case.links.relation': `{relation, select, ${CASE_RELATION_SELECT_TITLE}}`,
  'ui.case.links.added': 'Linked {when}',
  'ui.case.links.remove': 'Remove link',
  'ui.case.links.remove-named': 'Remove the link “{reason}”',
  'ui.case.links.remove-title': 'Remove this link?',
  'ui.case.links.remove-text': 'The link is marked removed; it stays in the case’s history with its reason.',
} as const;
