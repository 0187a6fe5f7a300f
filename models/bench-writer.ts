// Benchmark section: our glTF writer (models/writer.ts: glTF-Transform builds and quantizes the document, then each
// buffer view is meshopt-compressed by hand, one vertex stream per structure and one index stream per file)
// against glTF-Transform's own EXT_meshopt_compression writer on the same quantized document. Reads the generated
// files in public/models/ (run `npm run models` first); prints the bytes of both and the difference.
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { NodeIO } from "@gltf-transform/core";
import { EXTMeshoptCompression, KHRMeshQuantization } from "@gltf-transform/extensions";
import { MeshoptDecoder, MeshoptEncoder } from "meshoptimizer";

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

export async function writerSection(dir = join(process.cwd(), "public", "models")): Promise<void> {
  await Promise.all([MeshoptDecoder.ready, MeshoptEncoder.ready]);
  const io = new NodeIO()
    .registerExtensions([EXTMeshoptCompression, KHRMeshQuantization])
    .registerDependencies({ "meshopt.decoder": MeshoptDecoder, "meshopt.encoder": MeshoptEncoder });
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".glb"))
    .sort();
  if (files.length === 0) {
    console.log("\nglTF writer: no model files in public/models (run `npm run models`).");
    return;
  }
  console.log("\nglTF writer: ours against glTF-Transform's EXT_meshopt_compression on the same document");
  console.log("  file                        ours  glTF-Transform   difference");
  let ours = 0;
  let theirs = 0;
  for (const file of files) {
    const path = join(dir, file);
    const mine = statSync(path).size;
    const doc = await io.read(path);
    // Same quantized attributes, compressed by glTF-Transform's writer (its default: meshopt filters where they fit).
    doc
      .createExtension(EXTMeshoptCompression)
      .setRequired(true)
      .setEncoderOptions({ method: EXTMeshoptCompression.EncoderMethod.QUANTIZE });
    const other = (await io.writeBinary(doc)).byteLength;
    ours += mine;
    theirs += other;
    console.log(
      `  ${file.padEnd(24)} ${kb(mine).padStart(9)} ${kb(other).padStart(15)} ${`${(((other - mine) / mine) * 100).toFixed(1)} %`.padStart(12)}`,
    );
  }
  console.log(
    `  ${"all files".padEnd(24)} ${kb(ours).padStart(9)} ${kb(theirs).padStart(15)} ${`${(((theirs - ours) / ours) * 100).toFixed(1)} %`.padStart(12)}`,
  );
}

if (import.meta.main) await writerSection();
