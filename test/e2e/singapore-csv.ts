/**
 * A small seizure file for end-to-end specs: four 2019 seizures in Singapore (two alike in all
 * but date and quantity), as the import dialog takes it (import-batches, deleted-seizures).
 */
export const SINGAPORE_2019_CSV = [
  'seizure_date,country_iso2,place,commodity,quantity,unit,sector',
  '2019-04-08,SG,Pasir Panjang,pangolin scales,12.9,t,wildlife',
  '2019-04-03,SG,Pasir Panjang,pangolin scales,12.7,t,wildlife',
  '2019-07-21,SG,Pasir Panjang,elephant ivory,8.8,t,wildlife',
  '2019-02-01,SG,Tuas,rosewood logs,40,m3,forestry',
].join('\n');
