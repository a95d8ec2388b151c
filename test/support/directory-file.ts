/**
 * A generated directory of a made-up province (青禾省, code 990000): 10 cities, 10 counties in
 * each, 10 townships in each county, and departments — 9 at the province, 8 in each city, 18 in
 * each county — 3,000 bodies in all (1 + 10 + 100 governments, 1,000 townships, 1,889
 * departments) in 1,111 regions. The counties' governments and departments work in gongkai; the
 * province, the cities and the townships are observed.
 */
const two = (n: number) => String(n).padStart(2, '0');
const three = (n: number) => String(n).padStart(3, '0');

export const GENERATED = { regions: 1111, bodies: 3000, perCity: 299, perCounty: 29 } as const;

export function generatedDirectory(): string {
  const rows = ['代码,名称,层级,上级代码,别名,在本系统办理,统一社会信用代码'];
  const departments = (region: string, place: string, n: number, works: boolean) => {
    for (let d = 1; d <= n; d++) rows.push(`d${region}-${two(d)},${place}第${d}局,部门,${region},${place}${d}局,${works ? '是' : '否'},`);
  };
  rows.push('990000,青禾省人民政府,省级,,,否,');
  departments('990000', '青禾省', 9, false);
  for (let c = 1; c <= 10; c++) {
    const city = `99${two(c)}00`;
    const cityName = `青禾省第${c}市`;
    rows.push(`${city},${cityName}人民政府,市级,990000,,否,`);
    departments(city, cityName, 8, false);
    for (let k = 1; k <= 10; k++) {
      const county = `99${two(c)}${two(k)}`;
      const countyName = `${cityName}第${k}县`;
      rows.push(`${county},${countyName}人民政府,县级,${city},,是,`);
      departments(county, countyName, 18, true);
      for (let t = 1; t <= 10; t++) rows.push(`${county}${three(t)},${countyName}第${t}镇人民政府,乡镇,${county},第${t}镇,否,`);
    }
  }
  return rows.join('\n');
}
