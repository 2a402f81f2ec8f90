/**
 * The seizure detail's CITES line (tester s28 B6): a declared appendix as declared (with the list's
 * when it contradicts it); none declared, the bundled list's appendix for the taxon with its source
 * and date, a split listing said to be checked in Species+; a taxon the list does not know, "—".
 */
// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from '@testing-library/react';
import { CitesAppendixText } from '../../../renderer/src/case/seizure-checks';
import type { CitesAppendix } from '../../../shared/domain/codes';

const text = (taxon: string, declared: CitesAppendix | null): string => render(<CitesAppendixText taxon={taxon} declared={declared} />).container.textContent ?? '';

afterEach(cleanup);

describe('seizure detail: CITES appendix', () => {
  it('shows the list’s appendix, with its source, where none is declared', () => {
    expect(text('Carcharhinus longimanus', null)).toBe('None declared. Appendix II per the bundled species list (CITES appendices valid from 25 November 2023)');
    expect(text('Eretmochelys imbricata', null)).toBe('None declared. Appendix I per the bundled species list (CITES appendices valid from 25 November 2023)');
    expect(text('Dalbergia louvelii', null)).toBe('None declared. Appendix II under the listing of Dalbergia spp. per the bundled species list (CITES appendices valid from 25 November 2023): check Species+ for this taxon');
  });

  it('does not name one appendix for a split listing', () => {
    expect(text('Loxodonta africana', null)).toBe(
      'None declared. Appendix I or another, depending on the population: Loxodonta africana is a split listing, check Species+ for this one (bundled species list, CITES appendices valid from 25 November 2023)',
    );
  });

  it('shows a declared appendix, with the list’s when they differ; a split listing contradicts nothing', () => {
    expect(text('Carcharhinus longimanus', 'II')).toBe('Appendix II');
    expect(text('Carcharhinus longimanus', 'I')).toBe('Appendix I (the bundled species list gives Carcharhinus longimanus Appendix II)');
    expect(text('Loxodonta africana', 'II')).toBe('Appendix II');
  });

  it('shows "—" for an empty or unknown taxon without an appendix', () => {
    expect(text('', null)).toBe('—');
    expect(text('Manis javanicaa', null)).toBe('—');
  });
});
