/**
 * The command palette's button (design.md §4, phones and tablets): opens the sheet, which is
 * loaded on first use.
 */
import { lazy, Suspense, useState } from 'react';
import { useT } from '../context.ts';

const PaletteSheet = lazy(() => import('./PaletteSheet.tsx'));

export function PaletteButton() {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="button palette-button" aria-haspopup="dialog" aria-expanded={open} title={t('palette.openHint')} onClick={() => setOpen(true)}>
        <span aria-hidden="true">⌘ </span>
        {t('palette.open')}
      </button>
      {open && (
        <Suspense fallback={null}>
          <PaletteSheet onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
