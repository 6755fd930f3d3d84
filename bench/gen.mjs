// Deterministic synthetic Swedish catalogue in the project's registry JSON-LD
// format (docs/registry.md; the context is embedded inline, as `convert`
// writes it).
//
//   node bench/gen.mjs N [--seed 42] [--out bench/data/catalog-N.jsonld]
//   node bench/gen.mjs --steps            # rewrites bench/steps.json
//
// Publishers and formats are Zipf-skewed, themes come from the EU data-theme
// vocabulary, formats are EU file-type IRIs whose widget label is the code
// itself ("CSV", "GEOJSON", "SHP"), so the benchmark's brute-force check can
// derive facet keys the way the engine does. The same N and seed always give
// the same bytes.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const HERE = dirname(fileURLToPath(import.meta.url));
const CONTEXT = JSON.parse(readFileSync(join(HERE, "../src/registry/context.jsonld"), "utf8"));

export const THEME = "http://publications.europa.eu/resource/authority/data-theme/";
export const FILE_TYPE = "http://publications.europa.eu/resource/authority/file-type/";
export const ACCESS = "http://publications.europa.eu/resource/authority/access-right/";
export const LICENCES = {
  cc0: "http://creativecommons.org/publicdomain/zero/1.0/",
  by: "http://creativecommons.org/licenses/by/4.0/",
  bysa: "http://creativecommons.org/licenses/by-sa/4.0/",
  odbl: "http://opendatacommons.org/licenses/odbl/1-0/",
  pdm: "http://creativecommons.org/publicdomain/mark/1.0/",
  bync: "http://creativecommons.org/licenses/by-nc/4.0/",
};
const LICENCE_WEIGHTS = [["cc0", 56], ["by", 27], ["bysa", 7], ["odbl", 4], ["pdm", 4], ["bync", 2]];
const ACCESS_WEIGHTS = [["PUBLIC", 94], ["RESTRICTED", 5], ["NON_PUBLIC", 1]];

// Zipf rank order. Code = EU file-type code = the widget's format label.
const FORMATS = [
  ["CSV", "text/csv", "csv"], ["JSON", "application/json", "json"],
  ["XLSX", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"],
  ["GEOJSON", "application/geo+json", "geojson"], ["XML", "application/xml", "xml"],
  ["PDF", "application/pdf", "pdf"], ["SHP", "application/zip", "zip"], ["ZIP", "application/zip", "zip"],
  ["KML", "application/vnd.google-earth.kml+xml", "kml"], ["NETCDF", "application/x-netcdf", "nc"],
  ["PARQUET", "application/vnd.apache.parquet", "parquet"], ["GML", "application/gml+xml", "gml"],
  ["ODS", "application/vnd.oasis.opendocument.spreadsheet", "ods"], ["TXT", "text/plain", "txt"],
];

// Publisher, domain (its IRI is https://<domain>/), home town (titles name
// it most of the time), the topics it publishes (else any topic). Rank order
// = Zipf order.
export const PUBLISHERS = [
  ["Statistiska centralbyrån", "scb.se", null, "befolkning bostader arbetsmarknad inkomster foretag handel val"],
  ["Stockholms stad", "stockholm.se", "Stockholm", null],
  ["Göteborgs Stad", "goteborg.se", "Göteborg", null],
  ["Lantmäteriet", "lantmateriet.se", null, "adresser fastigheter kartor"],
  ["Trafikverket", "trafikverket.se", null, "vagar olyckor kollres"],
  ["Malmö stad", "malmo.se", "Malmö", null],
  ["Naturvårdsverket", "naturvardsverket.se", null, "luft vatten klimat avfall"],
  ["SMHI", "smhi.se", null, "vader luft hav vatten"],
  ["Västtrafik", "vasttrafik.se", "Göteborg", "kollhpl kollres"],
  ["Region Stockholm", "regionstockholm.se", "Stockholm", "vard folkhalsa kollhpl kollres"],
  ["Uppsala kommun", "uppsala.se", "Uppsala", null],
  ["Folkhälsomyndigheten", "folkhalsomyndigheten.se", null, "folkhalsa bad vard"],
  ["Skolverket", "skolverket.se", null, "skolor"],
  ["Umeå kommun", "umea.se", "Umeå", null],
  ["Region Skåne", "skane.se", "Malmö", "vard folkhalsa aldreomsorg"],
  ["Energimyndigheten", "energimyndigheten.se", null, "energi sol laddning"],
  ["Linköpings kommun", "linkoping.se", "Linköping", null],
  ["Örebro kommun", "orebro.se", "Örebro", null],
  ["Jordbruksverket", "jordbruksverket.se", null, "jordbruk livsmedel"],
  ["Skogsstyrelsen", "skogsstyrelsen.se", null, "skog"],
  ["Västerås stad", "vasteras.se", "Västerås", null],
  ["Helsingborgs stad", "helsingborg.se", "Helsingborg", null],
  ["Trafikanalys", "trafa.se", null, "kollres vagar olyckor"],
  ["Riksantikvarieämbetet", "raa.se", null, "kulturmiljo"],
  ["Jönköpings kommun", "jonkoping.se", "Jönköping", null],
  ["Brottsförebyggande rådet", "bra.se", null, "brott"],
  ["Myndigheten för digital förvaltning", "digg.se", null, "etjanster bredband"],
  ["Luleå kommun", "lulea.se", "Luleå", null],
  ["Gävle kommun", "gavle.se", "Gävle", null],
  ["Bolagsverket", "bolagsverket.se", null, "foretag"],
  ["Växjö kommun", "vaxjo.se", "Växjö", null],
  ["Östersunds kommun", "ostersund.se", "Östersund", null],
  ["Kungliga biblioteket", "kb.se", null, "bibliotek"],
  ["Valmyndigheten", "val.se", null, "val"],
  ["Skellefteå kommun", "skelleftea.se", "Skellefteå", null],
  ["Kiruna kommun", "kiruna.se", "Kiruna", null],
];
export const publisherIri = (domain) => `https://${domain}/`;

// Topic: title, themes, usual formats, keywords.
const TOPICS = {
  befolkning: ["Befolkning", "SOCI", "CSV XLSX JSON", "befolkning|folkmängd|invånare|demografi|flyttningar|åldersfördelning"],
  kollhpl: ["Hållplatser i kollektivtrafiken", "TRAN", "GEOJSON CSV JSON ZIP", "kollektivtrafik|hållplatser|busslinjer|tidtabeller|spårväg"],
  kollres: ["Resor med kollektivtrafik", "TRAN", "CSV XLSX JSON", "kollektivtrafik|resande|pendling|påstigande|linjer"],
  luft: ["Luftkvalitet", "ENVI HEAL", "CSV JSON NETCDF", "luftkvalitet|partiklar|kvävedioxid|mätstationer|miljöövervakning"],
  bostader: ["Bostäder och bostadsbestånd", "SOCI REGI", "CSV XLSX", "bostäder|bostadsbestånd|lägenheter|hyresrätter|nybyggnation"],
  arbetsmarknad: ["Sysselsättning och arbetslöshet", "ECON", "CSV XLSX JSON", "arbetsmarknad|arbetslöshet|sysselsättning|lediga jobb"],
  vader: ["Väderobservationer", "ENVI", "CSV JSON NETCDF", "väder|temperatur|nederbörd|vind|meteorologi"],
  skolor: ["Skolor och förskolor", "EDUC", "CSV JSON GEOJSON XLSX", "skolor|grundskola|förskola|elever|skolenheter"],
  vard: ["Vårdcentraler och öppettider", "HEAL", "JSON CSV GEOJSON", "vårdcentraler|primärvård|sjukvård|öppettider"],
  cykel: ["Cykelvägar och cykelparkeringar", "TRAN", "GEOJSON SHP KML", "cykelvägar|cykelparkering|cykelnät|gångvägar"],
  energi: ["Energianvändning i kommunens lokaler", "ENER", "CSV XLSX", "energianvändning|elförbrukning|fjärrvärme|energi"],
  sol: ["Solenergipotential på tak", "ENER ENVI", "GEOJSON CSV", "solceller|solenergi|förnybar energi"],
  laddning: ["Laddplatser för elfordon", "ENER TRAN", "JSON CSV", "laddplatser|elbilar|laddinfrastruktur|elektrifiering"],
  jordbruk: ["Åkermark och grödor", "AGRI", "CSV SHP XLSX", "jordbruk|åkermark|grödor|skördar|betesmark"],
  livsmedel: ["Livsmedelskontroller", "HEAL AGRI", "CSV JSON", "livsmedel|livsmedelskontroll|restauranger|inspektioner"],
  skog: ["Skogsinventering", "AGRI ENVI", "SHP GEOJSON CSV", "skog|avverkning|skogsbruk|biologisk mångfald"],
  brott: ["Anmälda brott", "JUST", "CSV XLSX PDF", "brott|brottsstatistik|polisanmälningar|trygghet"],
  val: ["Valresultat", "GOVE", "CSV JSON XML", "val|valresultat|riksdagsval|kommunval|valdistrikt"],
  budget: ["Budget och årsredovisning", "GOVE ECON", "XLSX PDF CSV", "budget|ekonomi|årsredovisning|kostnader|intäkter"],
  bredband: ["Bredbandstäckning", "TECH", "CSV GEOJSON XLSX", "bredband|fiber|uppkoppling|mobiltäckning"],
  adresser: ["Belägenhetsadresser", "REGI", "GEOJSON CSV GML", "adresser|belägenhetsadresser|gator|kartor"],
  fastigheter: ["Fastighetsindelning", "REGI", "GML SHP GEOJSON", "fastigheter|fastighetsgränser|tomter|kartor"],
  kartor: ["Topografisk karta", "REGI ENVI", "GML SHP", "kartor|topografi|höjddata|terräng"],
  vatten: ["Vattenkvalitet i sjöar och vattendrag", "ENVI", "CSV JSON", "vattenkvalitet|sjöar|vattendrag|grundvatten|provtagning"],
  bad: ["Badplatser och badvattenkvalitet", "ENVI HEAL", "JSON GEOJSON", "badplatser|badvatten|sjöar|friluftsliv"],
  olyckor: ["Trafikolyckor", "TRAN JUST", "CSV XLSX", "trafikolyckor|trafiksäkerhet|vägar|skadade"],
  vagar: ["Vägnät och trafikflöden", "TRAN", "XML CSV SHP", "vägar|trafikflöden|vägnät|trafikmätning"],
  handel: ["Utrikeshandel med varor", "INTR ECON", "CSV XLSX", "export|import|utrikeshandel|varuhandel"],
  foretag: ["Företag och arbetsställen", "ECON", "CSV XLSX JSON", "företag|näringsliv|arbetsställen|branscher|nyföretagande"],
  inkomster: ["Inkomster och skatter", "ECON SOCI", "CSV XLSX", "inkomster|skatter|hushåll|disponibel inkomst"],
  folkhalsa: ["Folkhälsa och levnadsvanor", "HEAL", "CSV XLSX PDF", "folkhälsa|levnadsvanor|hälsa|vaccinationer"],
  aldreomsorg: ["Äldreomsorg och hemtjänst", "SOCI HEAL", "CSV XLSX", "äldreomsorg|hemtjänst|omsorg|särskilt boende"],
  bibliotek: ["Bibliotek och lån", "EDUC SOCI", "CSV JSON", "bibliotek|utlåning|kultur|läsning"],
  kulturmiljo: ["Fornlämningar och kulturmiljöer", "EDUC REGI", "GEOJSON SHP", "fornlämningar|kulturmiljö|kulturarv|byggnadsminnen"],
  avfall: ["Avfall och återvinning", "ENVI", "CSV GEOJSON XLSX", "avfall|återvinning|återvinningsstationer|hushållsavfall"],
  klimat: ["Utsläpp av växthusgaser", "ENVI ENER", "CSV XLSX", "klimat|växthusgaser|koldioxid|utsläpp"],
  hav: ["Havsmiljö och fiske", "ENVI AGRI", "NETCDF CSV PARQUET", "havsmiljö|fiske|kust|övergödning"],
  etjanster: ["E-tjänster och digitalisering", "TECH GOVE", "JSON XML", "e-tjänster|digitalisering|öppna data"],
};

const PLACES = ("Stockholm Göteborg Malmö Uppsala Västerås Örebro Linköping Helsingborg Jönköping Norrköping " +
  "Lund Umeå Gävle Borås Södertälje Eskilstuna Halmstad Växjö Karlstad Sundsvall Luleå Östersund " +
  "Skellefteå Kiruna Trollhättan Falun Kalmar Kristianstad Visby Örnsköldsvik").split(" ");
const REGIONS = ["Sverige", "Sverige", "Sverige", "Sverige", "Stockholms län", "Västra Götalands län",
  "Skåne län", "Västerbottens län", "Norrbottens län", "Jämtlands län", "Dalarnas län"];
const UNITS = ["kommun", "län", "stadsdel", "kön och ålder", "månad", "kvartal", "år", "mätstation", "hållplats", "skolenhet"];
const FREQ = ["dagligen", "varje vecka", "varje månad", "kvartalsvis", "årligen", "löpande"];
const SOURCES = ["verksamhetssystem", "enkäter", "automatiska mätningar", "administrativa register",
  "inventeringar i fält", "trafiksensorer", "rapporter från verksamheterna"];
const SENTENCES = [
  (v) => `Datamängden beskriver ${v.k1} i ${v.place} för åren ${v.y1}–${v.y2}.`,
  (v) => `Uppgifterna redovisas per ${v.unit} och uppdateras ${v.freq}.`,
  (v) => `${v.pub} tillhandahåller uppgifter om ${v.k1} och ${v.k2} som öppna data.`,
  (v) => `Syftet är att data om ${v.k2} ska kunna användas av invånare, forskare och företag.`,
  (v) => `Underlaget kommer från ${v.source} och granskas innan det publiceras.`,
  (v) => `Siffrorna för ${v.y2} är preliminära och kan revideras.`,
  (v) => `Området som täcks är ${v.place} med omgivningar.`,
  (v) => `Materialet passar för analys, uppföljning och planering av ${v.k3}.`,
  (v) => "Koordinaterna är i SWEREF 99 TM och tiderna i svensk normaltid.",
  (v) => `Serien går att jämföra bakåt till ${v.y1}, med vissa ändrade definitioner.`,
  (v) => `Frågor om datamängden besvaras av ${v.pub}.`,
  (v) => "Dokumentationen beskriver definitioner, bortfall och kända brister.",
  (v) => `Varje post är en observation med datum, plats och värde för ${v.k1}.`,
];

/** sfc32: a small, fast, seedable PRNG (the same stream on every platform). */
function rng(seed) {
  let a = 0x9e3779b9, b = 0x243f6a88, c = 0xb7e15162, d = seed >>> 0;
  const next = () => {
    a >>>= 0; b >>>= 0; c >>>= 0; d >>>= 0;
    const t = (a + b + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    return t / 4294967296;
  };
  for (let i = 0; i < 16; i++) next();
  const r = {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (xs) => xs[Math.floor(next() * xs.length)],
    weighted: (items, weights) => {
      const total = weights.reduce((s, w) => s + w, 0);
      let x = next() * total;
      for (let i = 0; i < items.length; i++) if ((x -= weights[i]) < 0) return items[i];
      return items[items.length - 1];
    },
    sample: (xs, k) => { // k distinct, in random order
      const copy = xs.slice();
      for (let i = 0; i < k; i++) {
        const j = i + Math.floor(next() * (copy.length - i));
        [copy[i], copy[j]] = [copy[j], copy[i]];
      }
      return copy.slice(0, k);
    },
  };
  return r;
}

const zipf = (n, s) => Array.from({ length: n }, (_, i) => 1 / (i + 1) ** s);
const pad = (x) => String(x).padStart(2, "0");

/** The registry object for N datasets. */
export function generate(n, seed = 42) {
  const r = rng(seed);
  const pubWeights = zipf(PUBLISHERS.length, 1.1);
  const fmtWeights = zipf(FORMATS.length, 1.2);
  const topicKeys = Object.keys(TOPICS);
  const byCode = Object.fromEntries(FORMATS.map((f) => [f[0], f]));
  const datasets = [];
  for (let i = 0; i < n; i++) {
    const [pub, domain, home, topics] = r.weighted(PUBLISHERS, pubWeights);
    const tkey = r.pick(topics ? topics.split(" ") : topicKeys);
    const [ttitle, themes, usual, kwText] = TOPICS[tkey];
    const kws = kwText.split("|");
    const place = home && r.next() < 0.85 ? home : r.pick([...PLACES, ...REGIONS]);
    const y2 = r.int(2012, 2025);
    const y1 = y2 - r.pick([0, 1, 2, 4, 9]);
    const unit = r.pick(UNITS);
    const title = r.pick([
      `${ttitle} i ${place} ${y2}`, `${ttitle} i ${place}`, `${ttitle} per ${unit}, ${place}`,
      `${ttitle} ${y1}–${y2}`, `${ttitle} – ${place}`,
    ]);
    const [k1, k2, k3] = r.sample(kws, 3);
    const v = { k1, k2, k3, place, y1, y2, unit, pub, freq: r.pick(FREQ), source: r.pick(SOURCES) };
    const target = r.int(20, 80);
    const words = [];
    for (const sentence of r.sample(SENTENCES, SENTENCES.length)) {
      if (words.length >= target) break;
      words.push(...sentence(v).split(" "));
    }
    const description = words.slice(0, 80).join(" ").replace(/[.,]$/, "") + ".";
    const keywords = [...r.sample(kws, r.int(2, Math.min(5, kws.length))), place.toLowerCase()];
    if (r.next() < 0.2) keywords.push("öppna data");
    const theme = themes.split(" ");
    if (r.next() < 0.1) {
      const extra = r.pick(["GOVE", "REGI", "SOCI", "ECON", "TECH", "OP_DATPRO"]);
      if (!theme.includes(extra)) theme.push(extra);
    }
    const codes = [];
    for (let k = r.weighted([1, 2, 3, 4], [45, 30, 15, 10]); k > 0; k--) {
      const c = r.next() < 0.65 ? r.pick(usual.split(" ")) : r.weighted(FORMATS, fmtWeights)[0];
      if (!codes.includes(c)) codes.push(c);
    }
    // An odd multiplier mod 2^32 is a bijection: ids stay unique.
    const ident = ((Math.imul(i, 2654435761) >>> 0).toString(16)).padStart(8, "0");
    const slug = `${tkey}-${ident}`;
    const issuedYear = Math.max(y2, 2015);
    const modified = `${r.int(issuedYear, 2025)}-${pad(r.int(1, 12))}-${pad(r.int(1, 28))}`;
    const publisher = { "@id": publisherIri(domain), "@type": "Agent", name: { sv: pub } };
    datasets.push({
      "@id": `https://${domain}/dataset/${ident}`,
      "@type": "Dataset",
      identifier: ident,
      title: { sv: title },
      description: { sv: description },
      keyword: { sv: keywords },
      publisher,
      theme: theme.map((t) => THEME + t),
      license: LICENCES[r.weighted(...unzip(LICENCE_WEIGHTS))],
      accessRights: ACCESS + r.weighted(...unzip(ACCESS_WEIGHTS)),
      issued: `${issuedYear}-01-01`,
      modified,
      landingPage: `https://${domain}/oppnadata/${slug}`,
      contactPoint: { "@type": "Kind", fn: pub, hasEmail: `mailto:oppnadata@${domain}` },
      distribution: codes.map((c) => {
        const [code, media, ext] = byCode[c];
        const url = `https://${domain}/oppnadata/${slug}.${ext}`;
        return {
          "@id": `${url}#dist`, "@type": "Distribution", title: { sv: `${title} (${code})` },
          accessURL: url, downloadURL: url, format: FILE_TYPE + code,
          mediaType: `https://www.iana.org/assignments/media-types/${media}`,
        };
      }),
    });
  }
  return {
    "@context": CONTEXT,
    "@id": `https://bench.example/catalog-${n}`,
    "@type": "Catalog",
    title: { sv: `Syntetisk katalog med ${n} datamängder`, en: `Synthetic catalogue of ${n} datasets` },
    dataset: datasets,
  };
}

function unzip(pairs) {
  return [pairs.map((p) => p[0]), pairs.map((p) => p[1])];
}

const pubIri = (name) => publisherIri(PUBLISHERS.find((p) => p[0] === name)[1]);

/** The 40-step script: typing letter by letter, facet clicks, clearing, a typo. */
export function steps() {
  const out = [];
  const typed = (word, filters = {}) => {
    for (let i = 1; i <= word.length; i++) out.push({ q: word.slice(0, i), filters });
  };
  typed("kollektivtrafik");
  const vt = [pubIri("Västtrafik")];
  out.push({ q: "kollektivtrafik", filters: { publisher: vt } });
  out.push({ q: "kollektivtrafik", filters: { publisher: vt, format: ["CSV"] } });
  out.push({ q: "kollektivtrafik", filters: { publisher: vt, format: ["CSV", "GEOJSON"] } });
  out.push({ q: "kollektivtrafik", filters: { publisher: vt, format: ["CSV", "GEOJSON"], theme: [THEME + "TRAN"] } });
  out.push({ q: "kollektivtrafik", filters: { format: ["CSV", "GEOJSON"], theme: [THEME + "TRAN"] } });
  out.push({ q: "kollektivtrafik", filters: {} });
  out.push({ q: "", filters: {} });
  for (const q of ["luft", "luftkval", "luftkvalitet", "luftkvalitet u", "luftkvalitet um", "luftkvalitet umeå"]) {
    out.push({ q, filters: {} });
  }
  out.push({ q: "luftkvalitet umeå", filters: { license: [LICENCES.cc0] } });
  out.push({ q: "sk", filters: {} });
  out.push({ q: "sk", filters: { theme: [THEME + "EDUC"] } });
  out.push({ q: "", filters: { format: ["GEOJSON"] } });
  out.push({ q: "", filters: { format: ["GEOJSON", "SHP"], publisher: [pubIri("Lantmäteriet")] } });
  out.push({ q: "", filters: { theme: [THEME + "ENVI", THEME + "HEAL"], license: [LICENCES.by] } });
  out.push({ q: "", filters: { access_rights: [ACCESS + "PUBLIC"], license: [LICENCES.cc0, LICENCES.by] } });
  out.push({ q: "befolkninng", filters: {} });
  out.push({ q: "befolkninng", filters: { publisher: [pubIri("Statistiska centralbyrån")] } });
  out.push({ q: "befolkning", filters: { publisher: [pubIri("Statistiska centralbyrån")] } });
  out.push({ q: "bostäder malmö", filters: {} });
  out.push({ q: "vårdcentraler", filters: { publisher: [pubIri("Region Stockholm"), pubIri("Region Skåne")] } });
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  if (args[0] === "--steps") {
    const s = steps();
    writeFileSync(join(HERE, "steps.json"), "[\n" + s.map((x) => JSON.stringify(x)).join(",\n") + "\n]\n");
    console.error(`wrote bench/steps.json (${s.length} steps)`);
  } else {
    const n = Number(args[0]);
    if (!Number.isInteger(n) || n < 1) {
      console.error("usage: node bench/gen.mjs N [--seed 42] [--out FILE] | --steps");
      process.exit(2);
    }
    const opt = (name, dflt) => (args.includes(name) ? args[args.indexOf(name) + 1] : dflt);
    const out = opt("--out", join(HERE, "data", `catalog-${n}.jsonld`));
    mkdirSync(dirname(out), { recursive: true });
    const text = JSON.stringify(generate(n, Number(opt("--seed", 42))));
    writeFileSync(out, text);
    console.error(`wrote ${out} (${n} datasets, ${(Buffer.byteLength(text) / 2 ** 20).toFixed(1)} MB)`);
  }
}
