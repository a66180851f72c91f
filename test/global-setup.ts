// Filled in with the database template setup by the foundation work.
export default async function setup(): Promise<void> {}
