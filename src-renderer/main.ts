import { mount } from 'svelte';
import App from './App.svelte';
import { createClient } from './lib/api/client';
import './styles.css';

mount(App, { target: document.getElementById('app')!, props: { client: createClient() } });
