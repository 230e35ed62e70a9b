import { PARAGRAPH_STATUS_LABELS, PARAGRAPH_STATUSES, type Paragraph, type ParagraphStatus } from '../../shared/paragraphs/types'
import { api, errorMessage } from '../api'

/** A facilitator sets the paragraph's status (agreed and agreed ad ref lock its text). */
export function StatusControl({ documentId, paragraph, onError }: { documentId: string; paragraph: Paragraph; onError: (e: string) => void }) {
  return (
    <label className="status-control">
      Status{' '}
      <select
        value={paragraph.status}
        onChange={async (event) => {
          const response = await api.documents[':id'].paragraphs[':pid'].status.$put({
            param: { id: documentId, pid: paragraph.id },
            json: { status: event.target.value as ParagraphStatus },
          })
          if (!response.ok) onError(await errorMessage(response))
        }}
      >
        {PARAGRAPH_STATUSES.map((status) => (
          <option key={status} value={status}>
            {PARAGRAPH_STATUS_LABELS[status]}
          </option>
        ))}
      </select>
    </label>
  )
}
