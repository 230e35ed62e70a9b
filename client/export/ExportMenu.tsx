import { useEffect, useId, useRef, useState } from 'react'
import { exportUrl } from '../../shared/api/export'
import { LIVE } from '../../shared/api/versions'
import './export.css'

interface ExportMenuProps {
  documentId: string
  /**
   * The version whose clean text is exported (a version id); absent or "live" for the live text.
   * The compilation text is of the live text only, so it is offered only then.
   */
  version?: string
  /** The button's text; "Export" unless the place needs more ("Export Rev.1"). */
  label?: string
}

interface ExportLink {
  /** Visible text. */
  text: string
  /** Accessible name: the visible text, with what it exports in front. */
  name: string
  href: string
  /** The PDF and the print page open in a new tab; the other files download. */
  opensPage: boolean
}

interface ExportGroup {
  heading: string
  links: ExportLink[]
}

/** The groups and links the menu shows. */
function exportLinks(documentId: string, version?: string): ExportGroup[] {
  const live = !version || version === LIVE
  const clean: ExportGroup = {
    heading: 'Clean text',
    links: [
      link('Clean text', 'Word (.docx)', exportUrl(documentId, { format: 'docx', view: 'clean', version }), false),
      link('Clean text', 'PDF', exportUrl(documentId, { format: 'pdf', view: 'clean', version }), true),
      link('Clean text', 'Print page', exportUrl(documentId, { format: 'html', view: 'clean', version }), true),
      link('Clean text', 'Akoma Ntoso (XML)', exportUrl(documentId, { format: 'akn', view: 'clean', version }), false),
    ],
  }
  if (!live) return [clean]
  const compilation: ExportGroup = {
    heading: 'Compilation text',
    links: [
      link('Compilation text', 'Word (.docx)', exportUrl(documentId, { format: 'docx', view: 'compilation' }), false),
      link('Compilation text', 'PDF', exportUrl(documentId, { format: 'pdf', view: 'compilation' }), true),
      link('Compilation text', 'Print page', exportUrl(documentId, { format: 'html', view: 'compilation' }), true),
    ],
  }
  return [clean, compilation]
}

const link = (what: string, text: string, href: string, opensPage: boolean): ExportLink => ({
  text,
  name: `${what} as ${text}${opensPage ? ', opens in a new tab' : ''}`,
  href,
  opensPage,
})

/**
 * "Export": a disclosure button that shows links to the clean text (.docx, PDF, Akoma Ntoso) and,
 * for the live text, the compilation text (.docx, PDF). Escape or a click elsewhere closes it and
 * Escape gives focus back to the button. The PDF is made by the server; the print page is the
 * same text as a web page with a "Print or save as PDF" button, for a browser's own printing.
 */
export function ExportMenu({ documentId, version, label = 'Export' }: ExportMenuProps) {
  const [open, setOpen] = useState(false)
  const panelId = useId()
  const root = useRef<HTMLDivElement>(null)
  const button = useRef<HTMLButtonElement>(null)

  useEffect(() => {
    if (!open) return
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false)
    }
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return
      setOpen(false)
      button.current?.focus()
    }
    document.addEventListener('pointerdown', onPointer)
    document.addEventListener('keydown', onKey)
    return () => {
      document.removeEventListener('pointerdown', onPointer)
      document.removeEventListener('keydown', onKey)
    }
  }, [open])

  return (
    <div className="export-menu" ref={root}>
      <button ref={button} type="button" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen(!open)}>
        {label} <span aria-hidden="true">▾</span>
      </button>
      <div id={panelId} className="export-panel" hidden={!open}>
        {exportLinks(documentId, version).map((group) => (
          <ExportGroupList key={group.heading} group={group} onChoose={() => setOpen(false)} />
        ))}
      </div>
    </div>
  )
}

function ExportGroupList({ group, onChoose }: { group: ExportGroup; onChoose: () => void }) {
  const headingId = useId()
  return (
    <section className="export-group" aria-labelledby={headingId}>
      <h3 id={headingId}>{group.heading}</h3>
      <ul>
        {group.links.map((l) => (
          <li key={l.href}>
            <a href={l.href} aria-label={l.name} onClick={onChoose} {...(l.opensPage ? { target: '_blank', rel: 'noreferrer' } : {})}>
              {l.text}
            </a>
          </li>
        ))}
      </ul>
    </section>
  )
}

/**
 * The redline's exports, for the redline dialog: `from` is the older side (a version id), `to`
 * the newer (a version id or "live"). The .docx carries real Word tracked changes.
 */
export function redlineExportLinks(documentId: string, from: string, to: string): { docx: string; pdf: string } {
  const sides = { version: to === LIVE ? undefined : to, against: from }
  return {
    docx: exportUrl(documentId, { format: 'docx', view: 'redline', ...sides }),
    pdf: exportUrl(documentId, { format: 'pdf', view: 'redline', ...sides }),
  }
}

/** The two redline links, ready to drop into the redline dialog's tools. */
export function RedlineExportLinks({ documentId, from, to }: { documentId: string; from: string; to: string }) {
  const links = redlineExportLinks(documentId, from, to)
  return (
    <span className="redline-exports">
      <a href={links.docx} aria-label="Redline as Word with tracked changes (.docx)">
        Word with tracked changes (.docx)
      </a>
      <a href={links.pdf} target="_blank" rel="noreferrer" aria-label="Redline as PDF, opens in a new tab">
        PDF
      </a>
    </span>
  )
}
