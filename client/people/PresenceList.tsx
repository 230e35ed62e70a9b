import { useEffect, useState } from 'react'
import type { Awareness } from 'y-protocols/awareness'

interface Person {
  clientId: number
  name: string
  color: string
  isMe: boolean
}

function peopleIn(awareness: Awareness): Person[] {
  const people: Person[] = []
  awareness.getStates().forEach((state, clientId) => {
    const user = state.user as { name?: unknown; color?: unknown } | undefined
    if (typeof user?.name !== 'string') return
    people.push({
      clientId,
      name: user.name,
      color: typeof user.color === 'string' ? user.color : '#555',
      isMe: clientId === awareness.clientID,
    })
  })
  return people.sort((a, b) => Number(b.isMe) - Number(a.isMe) || a.name.localeCompare(b.name))
}

/** Who is in the room right now, from the awareness states of everyone connected. */
export function PresenceList({ awareness }: { awareness: Awareness }) {
  const [people, setPeople] = useState(() => peopleIn(awareness))
  useEffect(() => {
    const update = () => setPeople(peopleIn(awareness))
    update()
    awareness.on('change', update)
    return () => awareness.off('change', update)
  }, [awareness])

  return (
    <section className="presence" aria-label="People in the room">
      <h2 className="visually-hidden">In the room</h2>
      <ul>
        {people.map((person) => (
          <li key={person.clientId} className="person" style={{ borderColor: person.color }}>
            <span className="dot" style={{ background: person.color }} aria-hidden="true" />
            {person.name}
            {person.isMe && <span className="muted"> (you)</span>}
          </li>
        ))}
      </ul>
    </section>
  )
}
