/**
 * What the daemon needs from the image store, as one narrow interface (the store itself lives in
 * engine/image and engine/registry).
 */

export interface ImageConfigView {
  readonly Cmd: string[] | null;
  readonly Entrypoint: string[] | null;
  readonly Env: string[];
  readonly WorkingDir: string;
  readonly User: string;
  readonly ExposedPorts?: Record<string, Record<string, never>>;
  readonly StopSignal?: string;
  readonly Labels: Record<string, string> | null;
  readonly Volumes: Record<string, Record<string, never>> | null;
  readonly OnBuild: string[] | null;
}

export interface LocalImage {
  readonly id: string;
  readonly config: ImageConfigView;
}
