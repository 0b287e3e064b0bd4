import { mount } from 'svelte';
import App from './App.svelte';
import './styles/base.css';
import './styles/library.css';
import './styles/reader.css';
import './styles/changes.css';

mount(App, { target: document.getElementById('app')! });
