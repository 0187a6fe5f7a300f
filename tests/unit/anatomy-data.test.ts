// Integrity of the anatomy records in content/anatomy/: schema, ids, aliases, muscle facts, referred pain.
import { basename } from "node:path";
import { describe, expect, it } from "vitest";
import { type AnatomyRecord, anatomyRecordSchema } from "../../src/schemas/anatomy-record.ts";
import { REGIONS } from "../../src/schemas/common.ts";
import { entries } from "../support/content.ts";

interface LoadedRecord {
  file: string;
  folder: string;
  record: AnatomyRecord;
}

const files = entries("anatomy");
const parseErrors: string[] = [];
const records: LoadedRecord[] = [];
for (const { file, data } of files) {
  const result = anatomyRecordSchema.safeParse(data);
  if (result.success) {
    records.push({ file, folder: file.split("/")[2] ?? "", record: result.data });
  } else {
    for (const issue of result.error.issues) parseErrors.push(`${file}: ${issue.path.join(".")}: ${issue.message}`);
  }
}

/** Every soft-tissue structure the site's pages and models need. */
const REQUIRED_IDS = [
  // Shoulder and upper limb
  "trapezius",
  "levator-scapulae",
  "rhomboid-major",
  "rhomboid-minor",
  "serratus-anterior",
  "latissimus-dorsi",
  "pectoralis-major",
  "pectoralis-minor",
  "deltoid",
  "supraspinatus",
  "infraspinatus",
  "teres-minor",
  "subscapularis",
  "teres-major",
  "coracobrachialis",
  "biceps-brachii",
  "brachialis",
  "triceps-brachii",
  "brachioradialis",
  "pronator-teres",
  "flexor-carpi-radialis",
  "palmaris-longus",
  "flexor-carpi-ulnaris",
  "flexor-digitorum-superficialis",
  "flexor-digitorum-profundus",
  "flexor-pollicis-longus",
  "extensor-carpi-radialis-longus",
  "extensor-carpi-radialis-brevis",
  "extensor-digitorum",
  "extensor-carpi-ulnaris",
  "supinator",
  "abductor-pollicis-longus",
  "extensor-pollicis-brevis",
  "abductor-pollicis-brevis",
  "flexor-pollicis-brevis",
  "opponens-pollicis",
  "abductor-digiti-minimi-hand",
  "transverse-carpal-ligament",
  "common-extensor-tendon",
  "common-flexor-tendon",
  "glenohumeral-joint-capsule",
  "coracohumeral-ligament",
  "subacromial-bursa",
  "brachial-plexus",
  "median-nerve",
  "ulnar-nerve",
  "radial-nerve",
  "axillary-nerve",
  "suprascapular-nerve",
  // Head and neck
  "temporalis",
  "masseter",
  "sternocleidomastoid",
  "anterior-scalene",
  "middle-scalene",
  "posterior-scalene",
  "splenius-capitis",
  "semispinalis-capitis",
  "rectus-capitis-posterior-major",
  "obliquus-capitis-inferior",
  "nuchal-ligament",
  "greater-occipital-nerve",
  // Trunk
  "iliocostalis-lumborum",
  "longissimus-thoracis",
  "spinalis-thoracis",
  "multifidus",
  "quadratus-lumborum",
  "rectus-abdominis",
  "external-oblique",
  "internal-oblique",
  "transversus-abdominis",
  "thoracolumbar-fascia",
  "psoas-major",
  "iliacus",
  "skin",
  // Hip and thigh
  "gluteus-maximus",
  "gluteus-medius",
  "gluteus-minimus",
  "piriformis",
  "tensor-fasciae-latae",
  "iliotibial-tract",
  "sartorius",
  "adductor-longus",
  "adductor-magnus",
  "gracilis",
  "rectus-femoris",
  "vastus-lateralis",
  "vastus-medialis",
  "vastus-intermedius",
  "biceps-femoris",
  "semitendinosus",
  "semimembranosus",
  "quadriceps-tendon",
  "patellar-ligament",
  "hip-joint-capsule",
  "knee-joint-capsule",
  // Leg and foot
  "gastrocnemius",
  "soleus",
  "calcaneal-tendon",
  "tibialis-anterior",
  "tibialis-posterior",
  "fibularis-longus",
  "fibularis-brevis",
  "extensor-digitorum-longus",
  "flexor-digitorum-longus",
  "flexor-hallucis-longus",
  "plantar-fascia",
  "abductor-hallucis",
  "flexor-digitorum-brevis",
  "abductor-digiti-minimi-foot",
  "quadratus-plantae",
  // Nerves and vessels of the lower limb
  "sciatic-nerve",
  "tibial-nerve",
  "common-fibular-nerve",
  "femoral-nerve",
  "medial-plantar-nerve",
  "lateral-plantar-nerve",
  "femoral-vein",
  "popliteal-vein",
];

/** Muscles whose classic trigger-point referral is drawn on the skin (and only these). */
const REFERRED_PAIN_IDS = [
  "trapezius",
  "levator-scapulae",
  "sternocleidomastoid",
  "infraspinatus",
  "quadratus-lumborum",
  "gluteus-medius",
  "piriformis",
  "soleus",
];

/** A spinal root level (C5, T1, L4, S2) or a numbered cranial nerve (CN XI). */
const ROOT_LEVEL = /\b[CTLS]\d\b|\bCN [IVX]+\b/;

/** Folders holding soft-tissue records; each is the home region of its records. */
const SOFT_FOLDERS = new Set<string>(REGIONS);

const byId = new Map(records.map((r) => [r.record.id, r]));

describe("anatomy records", () => {
  it("are found", () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it("all pass the schema", () => {
    expect(parseErrors).toEqual([]);
  });

  it("have an id equal to the file name", () => {
    const mismatched = records.filter((r) => basename(r.file, ".yaml") !== r.record.id).map((r) => r.file);
    expect(mismatched).toEqual([]);
  });

  it("have unique ids", () => {
    const seen = new Map<string, string>();
    const duplicates: string[] = [];
    for (const { file, record } of records) {
      const other = seen.get(record.id);
      if (other) duplicates.push(`${record.id}: ${other} and ${file}`);
      seen.set(record.id, file);
    }
    expect(duplicates).toEqual([]);
  });

  it("have aliases unique across records and never equal to a record's name", () => {
    const names = new Map(records.map((r) => [r.record.name.toLowerCase(), r.record.id]));
    const aliasOwner = new Map<string, string>();
    const problems: string[] = [];
    for (const { record } of records) {
      for (const alias of record.aliases) {
        const key = alias.toLowerCase();
        const owner = aliasOwner.get(key);
        if (owner) problems.push(`alias "${alias}" used by ${owner} and ${record.id}`);
        aliasOwner.set(key, record.id);
        const named = names.get(key);
        if (named) problems.push(`alias "${alias}" of ${record.id} is the name of ${named}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("include every structure the site needs", () => {
    const missing = REQUIRED_IDS.filter((id) => !byId.has(id));
    expect(missing).toEqual([]);
  });

  it("list no region twice", () => {
    const repeated = records.filter((r) => new Set(r.record.regions).size !== r.record.regions.length);
    expect(repeated.map((r) => r.file)).toEqual([]);
  });

  it("live in the folder of their home region (the first region listed)", () => {
    const misplaced = records
      .filter((r) => SOFT_FOLDERS.has(r.folder) && r.record.regions[0] !== r.folder)
      .map((r) => `${r.file}: home region ${r.record.regions[0]}`);
    expect(misplaced).toEqual([]);
  });
});

describe("muscle records", () => {
  const muscles = records.filter((r) => r.record.tissue === "muscle");

  it("exist", () => {
    expect(muscles.length).toBeGreaterThan(50);
  });

  it("state origin, insertion, action and palpation", () => {
    const incomplete = muscles
      .filter(({ record }) => !(record.origin && record.insertion && record.action && record.palpation))
      .map((r) => r.file);
    expect(incomplete).toEqual([]);
  });

  it("name the nerve with its root levels", () => {
    const withoutLevels = muscles
      .filter(({ record }) => !(record.innervation && ROOT_LEVEL.test(record.innervation)))
      .map((r) => `${r.file}: ${r.record.innervation ?? "(none)"}`);
    expect(withoutLevels).toEqual([]);
  });
});

describe("referred pain", () => {
  it("is given for the eight trigger-point muscles", () => {
    const missing = REFERRED_PAIN_IDS.filter((id) => !byId.get(id)?.record.referredPain);
    expect(missing).toEqual([]);
  });

  it("is given for no other structure", () => {
    const extra = records
      .filter((r) => r.record.referredPain && !REFERRED_PAIN_IDS.includes(r.record.id))
      .map((r) => r.record.id);
    expect(extra).toEqual([]);
  });

  it("is drawn on the body's right side, within an adult's height, with at least one essential patch", () => {
    const problems: string[] = [];
    for (const { record } of records) {
      const patches = record.referredPain?.patches ?? [];
      if (patches.length > 0 && !patches.some((p) => p.kind === "essential")) {
        problems.push(`${record.id}: no essential patch`);
      }
      for (const { centre, radii } of patches) {
        const [x, y, z] = centre;
        if (x >= 0) problems.push(`${record.id}: patch at x=${x} is not on the right side (x < 0)`);
        if (y <= 0 || y >= 1.8) problems.push(`${record.id}: patch at y=${y} is outside the body's height`);
        if (Math.abs(x) > 0.35 || Math.abs(z) > 0.2) problems.push(`${record.id}: patch at ${centre} is off the body`);
        if (radii.some((r) => r > 0.15)) problems.push(`${record.id}: patch radius over 15 cm`);
      }
    }
    expect(problems).toEqual([]);
  });
});
