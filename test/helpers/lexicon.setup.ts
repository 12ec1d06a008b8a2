/** The word list for the core in the tests (the CLI and the server read it from dist/lexicon.txt). */
import { provideLexicon } from '../../server/src/core/lexicon';
import { lexiconText } from '../../server/lexicon/build.mjs';

provideLexicon(() => lexiconText());
