import './first-request';
import { render } from 'preact';
import { NotesPage } from '../../components/NotesPage';
import '../../components/theme.css';
import { installTheme } from '../../components/theme';

installTheme(document);
render(<NotesPage />, document.getElementById('app')!);
