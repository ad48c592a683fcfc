/**
 * The karyotypes of the karyograms in ../shared/data/karyograms, as its README states them (file paths
 * relative to that folder). Every one is normal: any structural flag on them is a false alarm.
 */
export const SHARED_KARYOTYPES: Readonly<Record<string, string>> = {
  '100955NVG.017.K.BMP': '46,XX',
  '5180104844.020.K.BMP': '46,XY',
  '98917NVG.002.K.JPG': '46,XX',
  'nhgri_karyotype.png': '46,XY',
  // The Allen Cell Collection's WTC-11 clones: all 46,XY.
  'allen/AICS-10-55_SEC61B_cl.55.JPG': '46,XY',
  'allen/AICS-104_aics-0104_h251n_cl3_karyotype.png': '46,XY',
  'allen/AICS-106_aics-0106_s291f_cl40_karyotype.png': '46,XY',
  'allen/AICS-17-65_StemCellCharacterization_karyotype.jpg': '46,XY',
  'allen/AICS-24-80_MYH10_cl.80.JPG': '46,XY',
  'allen/AICS-33-115_SLC25A17_cl.115.JPG': '46,XY',
  'allen/AICS-5-50_StemCellCharacterization_karyotype.jpg': '46,XY',
  'allen/AICS-74-26_SOX2_cl26_final_karyo.JPG': '46,XY',
  'allen/AICS-75-85_ACTN2_cl85_final_karyo.JPG': '46,XY',
  'allen/AICS-90-391_AICS-90_cl391_CLYBL-dCas9-KRAB_karyotype.JPG': '46,XY',
};
