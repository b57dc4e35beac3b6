/** The plan's region labels in the notice's order (core plan/plan-regions.ts), with their GB/T 2260 codes. */
export const planRegions: readonly { label: string; code: string }[] = [
  { label: '晋城市本级', code: '140500' },
  { label: '城区', code: '140502' },
  { label: '泽州县', code: '140525' },
  { label: '高平市', code: '140581' },
  { label: '阳城县', code: '140522' },
  { label: '陵川县', code: '140524' },
  { label: '沁水县', code: '140521' },
  { label: '开发区', code: '140571' },
];

/** The plan region label (`晋城市本级`) for a region code (`140500`); the name itself when the code is unknown. */
export function planRegionLabel(code: string, fallback: string): string {
  return planRegions.find((region) => region.code === code)?.label ?? fallback;
}

/** The position of a region label in the notice (unknown labels last). */
export function planRegionOrder(label: string): number {
  const index = planRegions.findIndex((region) => region.label === label);
  return index === -1 ? planRegions.length : index;
}
