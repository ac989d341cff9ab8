// Imported first by main.tsx: the first list is asked for before the page's other modules run.
import { askFirstPage } from '../../components/notes/first-page';

askFirstPage();
