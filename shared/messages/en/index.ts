/**
 * The English message catalogue: every user-facing sentence of NEST Desk, keyed by a stable id
 * (`area.what`), written in ICU MessageFormat (plurals, numbers, dates, selects). Add a sentence
 * to the area's file; never write a user-facing sentence at a call site.
 */
import { appMessages } from './app';
import { authMessages } from './auth';
import { countMessages } from './counts';
import { errorMessages } from './errors';
import { fieldMessages } from './fields';
import { importFileMessages } from './import-files';
import { importGeoMessages } from './import-geo';
import { importMessages } from './import';
import { recordMessages } from './records';
import { relayCliMessages } from './relay-cli';
import { relayAtRestMessages } from './relay-at-rest';
import { relayMessages } from './relay';
import { storageMessages } from './storage';
import { keyMessages } from './keys';
import { syncMessages } from './sync';
import { valuationMessages } from './valuation';
import { uiDataMessages } from './ui-data';
import { serviceMessages } from './service';
import { protocolMessages } from './protocol';
import { valuationCoreMessages } from './valuation-core';
import { uiFirstRunMessages } from './ui-first-run';
import { uiShellMessages } from './ui-shell';
import { uiCasesMessages } from './ui-cases';
import { uiMembersMessages } from './ui-members';
import { uiImportMessages } from './import';
import { uiMapMessages } from './map';
import { basemapFileMessages } from './basemap-files';
import { uiCommonMessages } from './ui';
import { uiFormatMessages } from './format';
import { membersMessages } from './members';
import { caseMessages } from './case';
import { uiHistoryMessages } from './ui-history';
import { heldDeletionMessages } from './ui-held-deletions';
import { identifierMessages } from './identifiers';
import { packMessages } from './packs';
import { packExportMessages } from './pack-export';
import { caseFileMessages } from './case-file';
import { entityMessages } from './entities';
import { exhibitMessages } from './exhibits';
import { fileMessages } from './files';
import { importBatchMessages } from './import-batches';
import { importCancelMessages } from './import-cancel';
import { importCliMessages } from './import-cli';
import { serveCliMessages } from './serve-cli';
import { caseWorkMessages } from './case-work';
import { reportMessages } from './report';
import { stixMessages } from './stix';
import { seizureMessages } from './seizures';
import { commodityMessages } from './commodities';
import { deletedSeizureMessages } from './deleted-seizures';
import { seizurePickerMessages } from './seizure-picker';
import { workspaceKeyMessages } from './workspace-key';
import { reviewFlagMessages } from './review-flags';

/** Every message id with its English ICU pattern. */
export const en = {
  ...errorMessages,
  ...countMessages,
  ...fieldMessages,
  ...seizureMessages,
  ...commodityMessages,
  ...deletedSeizureMessages,
  ...seizurePickerMessages,
  ...workspaceKeyMessages,
  ...reviewFlagMessages,
  ...recordMessages,
  ...authMessages,
  ...importMessages,
  ...importFileMessages,
  ...importGeoMessages,
  ...relayMessages,
  ...relayCliMessages,
  ...relayAtRestMessages,
  ...syncMessages,
  ...storageMessages,
  ...keyMessages,
  ...valuationMessages,
  ...uiDataMessages,
  ...serviceMessages,
  ...protocolMessages,
  ...valuationCoreMessages,
  ...uiFirstRunMessages,
  ...uiShellMessages,
  ...uiCasesMessages,
  ...uiMembersMessages,
  ...uiImportMessages,
  ...uiMapMessages,
  ...basemapFileMessages,
  ...uiCommonMessages,
  ...uiFormatMessages,
  ...membersMessages,
  ...caseMessages,
  ...appMessages,
  ...uiHistoryMessages,
  ...heldDeletionMessages,
  ...identifierMessages,
  ...packMessages,
  ...packExportMessages,
  ...caseFileMessages,
  ...entityMessages,
  ...exhibitMessages,
  ...fileMessages,
  ...importBatchMessages,
  ...importCancelMessages,
  ...importCliMessages,
  ...serveCliMessages,
  ...caseWorkMessages,
  ...reportMessages,
  ...stixMessages,
} as const;
