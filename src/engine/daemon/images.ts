/** What the daemon needs from the image store (engine/image): an image's ID and the config its containers inherit. */
import type { ImageConfigView } from '../image/store.ts';

export type { ImageConfigView };

export interface LocalImage {
  readonly id: string;
  readonly config: ImageConfigView;
}
