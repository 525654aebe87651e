// Mantine's styles for the components only the reporting pages use (the shared ones load in src/styles.ts).
import '@mantine/core/styles/Radio.css';
import '@mantine/core/styles/Pill.css';
import '@mantine/core/styles/PillsInput.css';
