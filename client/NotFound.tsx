export function NotFound({ what }: { what: 'page' | 'resolution' }) {
  return (
    <main className="page narrow">
      <h1>{what === 'resolution' ? 'Resolution not found' : 'Page not found'}</h1>
      <p>
        {what === 'resolution'
          ? 'There is no resolution at this address. Check the link you were sent, or open the list of resolutions.'
          : 'Nothing lives at this address.'}
      </p>
      <p>
        <a href="/">Go to the list of resolutions</a>
      </p>
    </main>
  )
}
