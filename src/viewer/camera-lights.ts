// The stage's lights, carried by the camera so the lighting stays the same however the model is turned: a sky and
// ground fill, a warm key from the upper right, a cool fill from the left and a rim from behind.

import { useEffect } from "react";
import { DirectionalLight, HemisphereLight, type PerspectiveCamera, type Scene } from "three";

export function useCameraLights(camera: PerspectiveCamera, scene: Scene): void {
  useEffect(() => {
    const hemi = new HemisphereLight("#ffffff", "#8d8577", 1.35);
    const key = new DirectionalLight("#fff6ea", 1.7);
    key.position.set(1.2, 1.6, 1.5);
    const fill = new DirectionalLight("#e8f0ff", 0.45);
    fill.position.set(-1.5, -0.3, 0.8);
    const rim = new DirectionalLight("#ffffff", 0.9);
    rim.position.set(-0.6, 0.8, -2);
    for (const light of [key, fill, rim]) {
      light.target.position.set(0, 0, -1);
      camera.add(light.target);
    }
    camera.add(hemi, key, fill, rim);
    scene.add(camera);
    return () => {
      camera.remove(hemi, key, fill, rim);
      scene.remove(camera);
      for (const light of [hemi, key, fill, rim]) light.dispose();
    };
  }, [camera, scene]);
}
