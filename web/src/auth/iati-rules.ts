/** Who may see the IATI checks summary page (the server scopes an agency's officer to its own agency). */
export const canSeeIatiChecks = (user: { role: string } | null | undefined): boolean =>
  !!user && ['admin', 'coordinator', 'agency'].includes(user.role);
