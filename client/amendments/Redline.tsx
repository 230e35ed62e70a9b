import type { DiffSegment } from '../../shared/diff/wordDiff'

/** Additions underlined and bold, deletions struck through: never hidden. */
export function Redline({ segments }: { segments: readonly DiffSegment[] }) {
  return (
    <span className="redline">
      {segments.map((segment, i) =>
        segment.op === 'insert' ? (
          <ins key={i}>{segment.text}</ins>
        ) : segment.op === 'delete' ? (
          <del key={i}>{segment.text}</del>
        ) : (
          <span key={i}>{segment.text}</span>
        ),
      )}
    </span>
  )
}
