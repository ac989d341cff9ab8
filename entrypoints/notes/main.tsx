import './first-request';
import { render } from 'preact';
import { NotesPage } from '../../components/NotesPage';
import '../../components/theme.css';

render(<NotesPage />, document.getElementById('app')!);
