// What a member may change on My Page; the schema lives with the registration fields the web app shares.
export { type ProfilePatchInput, profilePatchSchema } from '../../domain/forms/member-fields.js';
