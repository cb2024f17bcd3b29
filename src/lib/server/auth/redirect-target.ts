/**
 * Where to go after signing in: only a path on this site. `//evil.example` and `/\evil.example` are
 * read by browsers as other hosts, so they fall back to the home page (an open redirect otherwise).
 */
export function safeRedirectTarget(candidate: string | null | undefined): string {
	if (!candidate || !candidate.startsWith('/') || candidate.startsWith('//') || candidate.startsWith('/\\')) {
		return '/';
	}
	// Whitespace or control characters could split a header or smuggle a different path.
	return [...candidate].some((c) => c.trim() === '' || c.charCodeAt(0) < 0x20) ? '/' : candidate;
}
