import { wordDiff } from '../../shared/diff/wordDiff'
import type { ConflictAnswer } from '../../shared/api/amendments'
import { Redline } from './Redline'

interface Props {
  conflict: ConflictAnswer['conflict']
  /** What the two sets of changes are, in this place's words. */
  mine: string
  theirs: string
  children?: React.ReactNode
}

/**
 * Two sets of changes to the same words, both shown against the text they were made on, and the
 * text as it is now: the person resolves them, nothing is guessed.
 */
export function ConflictView({ conflict, mine, theirs, children }: Props) {
  return (
    <div className="conflict" role="group" aria-label="Conflicting changes">
      <div>
        <h4>{mine}</h4>
        <p className="preview">
          <Redline segments={wordDiff(conflict.baseText, conflict.changedText)} />
        </p>
      </div>
      <div>
        <h4>{theirs}</h4>
        <p className="preview">
          <Redline segments={wordDiff(conflict.baseText, conflict.currentText)} />
        </p>
      </div>
      <div>
        <h4>The text now</h4>
        <p className="preview">{conflict.currentText || <span className="muted">(empty)</span>}</p>
      </div>
      {children}
    </div>
  )
}
