/**
 * Share this lesson: a `#/s/…` link of the lesson as a scenario that stops before its first step
 * (lessons/scenario.ts `lessonLinkScenario`): whoever opens it gets the lesson's files, steps
 * through its narrated commands in presenter mode and sees its goals tick. Copied at once; shown
 * too, for when the clipboard is refused.
 */
import { useState } from 'react';
import { encodeScenario } from '../../scenario/codec.ts';
import { lessonLinkScenario } from '../../lessons/scenario.ts';
import type { Lesson } from '../../lessons/types.ts';
import { useStoreValue, useT } from '../context.ts';

export function ShareLesson({ lesson }: { lesson: Lesson }) {
  const t = useT();
  const lang = useStoreValue((s) => s.lang);
  const [link, setLink] = useState<{ url: string; copied: boolean } | null>(null);

  const share = async () => {
    const hash = await encodeScenario(lessonLinkScenario(lesson, lang));
    const url = `${location.origin}${location.pathname}${hash}`;
    let copied = false;
    try {
      await navigator.clipboard.writeText(url);
      copied = true;
    } catch {
      // refused (no permission, an insecure page): the link is shown to copy by hand
    }
    setLink({ url, copied });
  };

  return (
    <div className="lesson__share">
      <button type="button" className="button" onClick={() => void share()}>
        {t('lessons.share')}
      </button>
      {link && (
        <label className="lesson__share-link">
          <span role="status">{link.copied ? t('lessons.shareCopied') : t('lessons.shareManual')}</span>
          <input readOnly value={link.url} aria-label={t('lessons.shareLabel')} onFocus={(e) => e.currentTarget.select()} />
        </label>
      )}
    </div>
  );
}
