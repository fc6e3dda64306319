/** Small inline SVG icons for the Files panel (decorative: every control also has a text name). */
import type { ReactNode } from 'react';

const Svg = ({ children, className }: { children: ReactNode; className?: string }) => (
  <svg className={`icon ${className ?? ''}`} viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
    {children}
  </svg>
);

export const ChevronIcon = ({ open }: { open: boolean }) => (
  <Svg className={`icon--chevron${open ? ' icon--open' : ''}`}>
    <path d="M9 6l6 6-6 6" fill="none" stroke="currentColor" strokeWidth="2.4" strokeLinecap="round" strokeLinejoin="round" />
  </Svg>
);

export const FolderIcon = ({ open }: { open: boolean }) => (
  <Svg className="icon--folder">
    {open ? (
      <path d="M3 7a2 2 0 0 1 2-2h4l2 2h8a2 2 0 0 1 2 2v1H7.5a2 2 0 0 0-1.9 1.4L3 19z M6.2 11h15.3l-2.6 8H3.6z" fill="currentColor" />
    ) : (
      <path d="M3 7a2 2 0 0 1 2-2h4l2 2h8a2 2 0 0 1 2 2v8a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2z" fill="currentColor" />
    )}
  </Svg>
);

export const FileIcon = ({ kind }: { kind: 'docker' | 'text' | 'binary' | 'link' }) => (
  <Svg className={`icon--file icon--${kind}`}>
    <path d="M6 3h8l5 5v13H6z" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinejoin="round" />
    <path d="M14 3v5h5" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinejoin="round" />
    {kind === 'docker' && <path d="M8.5 14h2v2h-2zM11 14h2v2h-2zM13.5 14h2v2h-2zM11 11.5h2v2h-2zM8 16.8h8.5q-.7 2.2-4.2 2.2T8 16.8z" fill="currentColor" />}
    {kind === 'text' && <path d="M9 13h6M9 16h6" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />}
    {kind === 'binary' && <path d="M9 12.5v4M12.5 12.5h2v4h-2z" fill="none" stroke="currentColor" strokeWidth="1.5" />}
    {kind === 'link' && <path d="M9 17l6-6m-4 0h4v4" fill="none" stroke="currentColor" strokeWidth="1.7" strokeLinecap="round" strokeLinejoin="round" />}
  </Svg>
);

export const NewFileIcon = () => (
  <Svg>
    <path d="M6 3h8l5 5v13H6z" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinejoin="round" />
    <path d="M12.5 11v7M9 14.5h7" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
  </Svg>
);

export const NewFolderIcon = () => (
  <Svg>
    <path d="M3 7a2 2 0 0 1 2-2h4l2 2h8a2 2 0 0 1 2 2v8a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2z" fill="none" stroke="currentColor" strokeWidth="1.8" />
    <path d="M12 10.5v6M9 13.5h6" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
  </Svg>
);

export const RenameIcon = () => (
  <Svg>
    <path d="M4 20h4L19 9l-4-4L4 16z" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinejoin="round" />
    <path d="M13 7l4 4" stroke="currentColor" strokeWidth="1.8" />
  </Svg>
);

export const DeleteIcon = () => (
  <Svg>
    <path d="M5 7h14M10 7V4h4v3M7 7l1 13h8l1-13" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinejoin="round" strokeLinecap="round" />
  </Svg>
);

export const TreeToggleIcon = () => (
  <Svg>
    <path d="M4 5h16v14H4zM10 5v14" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinejoin="round" />
  </Svg>
);
