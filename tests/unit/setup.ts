// Every unit test gets a working, empty IndexedDB (storage tests open the real idb wrapper on it).
import 'fake-indexeddb/auto';
