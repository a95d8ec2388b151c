/**
 * 告知书: the reply letter (and the extension notice) written from the register — previewed
 * here as text, opened as a printable page, or downloaded as a Word file to sign and send.
 */
import { useState } from 'react';
import { download, get } from '../../api.js';
import { Notice } from '../ui.js';
import type { ApplicationDetail, Letter } from './types.js';

const paper = { border: '1px solid #c9ced6', borderRadius: 6, padding: '1rem 1.5rem', background: '#fff', maxWidth: '42rem' } as const;

function Preview({ letter, label }: { letter: Letter; label: string }) {
  return (
    <article aria-label={`${label}预览`} style={paper}>
      <h4 style={{ textAlign: 'center', fontSize: '1.3rem', margin: '0 0 .25rem' }}>{letter.title}</h4>
      {letter.number && <p style={{ textAlign: 'center', margin: 0 }}>{letter.number}</p>}
      <p>{letter.salutation}</p>
      {letter.paragraphs.map((p, i) => (
        <p key={i} style={{ textIndent: '2em', margin: '.25rem 0' }}>
          {p}
        </p>
      ))}
      <div style={{ textAlign: 'right', marginTop: '1rem' }}>
        {letter.signature.map((s) => (
          <p key={s} style={{ margin: 0 }}>
            {s}
          </p>
        ))}
      </div>
    </article>
  );
}

function OneLetter({ id, kind, title }: { id: string } & ApplicationDetail['letters'][number]) {
  const [letter, setLetter] = useState<Letter | null>(null);
  const [open, setOpen] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const path = `/api/applications/${encodeURIComponent(id)}/letter?kind=${kind}`;
  const toggle = async () => {
    setFailure(null);
    if (!open && !letter) {
      try {
        setLetter(await get<Letter>(`${path}&format=json`));
      } catch (e) {
        setFailure((e as Error).message);
        return;
      }
    }
    setOpen(!open);
  };
  return (
    <div>
      <h3>{title}</h3>
      <div className="actions">
        <button type="button" className="secondary" aria-expanded={open} onClick={() => void toggle()}>
          {open ? '收起预览' : `预览${title}`}
        </button>
        <a className="button secondary" href={path} target="_blank" rel="noopener">
          打印版（新窗口）
        </a>
        <button type="button" className="secondary" onClick={() => download(`${path}&format=docx`).catch((e: Error) => setFailure(e.message))}>
          下载 Word
        </button>
      </div>
      {failure && <Notice kind="error">{failure}</Notice>}
      {open && letter && <Preview letter={letter} label={title} />}
    </div>
  );
}

export function LetterPanel({ detail }: { detail: ApplicationDetail }) {
  if (!detail.letters.length) return <p>答复或延期后，可在此生成告知书。</p>;
  return (
    <>
      {!detail.personalData && <p className="hint">您看到的告知书中申请人姓名已遮蔽。</p>}
      {detail.letters.map((l) => (
        <OneLetter key={l.kind} id={detail.id} kind={l.kind} title={l.title} />
      ))}
    </>
  );
}
