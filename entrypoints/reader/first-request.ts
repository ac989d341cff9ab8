// Imported first by main.tsx: the first screen's articles are asked for before the page's other modules run.
import { askFirstScreen } from '../../components/reader/overview';

askFirstScreen();
