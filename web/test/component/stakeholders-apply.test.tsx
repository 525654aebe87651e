import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import ApplyPage from '../../src/features/stakeholders/ApplyPage';
import TrackPage from '../../src/features/stakeholders/TrackPage';
import { me, renderPage } from './app';
import { json, problem } from './fake-api';

const chile = { iso3: 'CHL', m49: '152', names: { ar: 'شيلي', en: 'Chile', es: 'Chile', fr: 'Chili', ru: 'Чили', zh: '智利' }, regionalGroup: 'GRULAC', status: 'member' };
const states = { items: [chile], total: 1 };
const TOKEN = 'T'.repeat(43);

/** Types a text at once (a paste): what a field holds is what the test checks, not each key. */
async function fill(user: { click: (e: Element) => Promise<void>; paste: (t: string) => Promise<void> }, field: HTMLElement | Promise<HTMLElement>, text: string) {
  await user.click(await field);
  await user.paste(text);
}

function applyPage(lang: string) {
  return renderPage(`/${lang}/accreditation/apply`, [{ path: 'accreditation/apply', element: <ApplyPage /> }, { path: 'accreditation/track/:token', element: <TrackPage /> }], (api) => {
    api
      .on('GET', '/api/v1/me', me(null))
      .on('GET', '/api/v1/states', states)
      .on('POST', '/api/v1/stakeholder-applications', () => json({ id: 'a1', organisationId: 'o1', trackingLink: `http://localhost/${lang}/accreditation/track/${TOKEN}` }, { status: 201 }));
  });
}

describe('the application for accreditation', () => {
  it('is made in the page’s language: the name in it (and others where given), ECOSOC status and year, the representatives in order', async () => {
    const { user, api } = applyPage('es');
    await fill(user, await screen.findByLabelText(/^Nombre en español/), 'Red Andina de Ciberseguridad');
    await user.click(screen.getByText('El nombre en los demás idiomas de las Naciones Unidas (opcional)'));
    // A field of the disclosure, set as a change (its focus does not depend on the disclosure's toggling).
    fireEvent.change(screen.getByLabelText(/^Nombre en inglés/), { target: { value: 'Andean Cybersecurity Network' } });
    expect(screen.getByLabelText(/^Nombre en árabe/).closest('[dir]')?.getAttribute('dir')).toBe('rtl');
    await user.selectOptions(screen.getByLabelText(/^Tipo/), 'academia');
    await waitFor(() => expect(screen.getByRole('option', { name: 'Chile' })).toBeTruthy());
    await user.selectOptions(screen.getByLabelText(/^País de la sede/), 'CHL');
    await fill(user, screen.getByLabelText(/^Sitio web/), 'https://redandina.example.org');
    await fill(user, screen.getByLabelText(/^Objetivo/), 'Cooperación regional.');
    await fill(user, screen.getByLabelText(/^Labor pertinente/), 'Talleres.');
    expect(screen.queryByLabelText(/^Año de concesión/)).toBeNull();
    await user.click(screen.getByLabelText('La organización tiene carácter consultivo ante el ECOSOC'));
    await user.selectOptions(screen.getByLabelText(/^Categoría/), 'roster');
    await fill(user, screen.getByLabelText(/^Año de concesión/), '2015');
    await fill(user, screen.getByLabelText(/^Persona de contacto/), 'Ana Pérez');
    await fill(user, screen.getByLabelText(/^Correo electrónico de contacto/), 'ana@redandina.example.org');
    await fill(user, screen.getByLabelText(/^Nombre del representante 1/), 'Luis Díaz');
    await fill(user, screen.getByLabelText(/^Correo electrónico del representante 1/), 'luis@redandina.example.org');
    await user.click(screen.getByRole('button', { name: 'Añadir un representante' }));
    await fill(user, screen.getByLabelText(/^Nombre del representante 2/), 'Eva Soto');
    await fill(user, screen.getByLabelText(/^Correo electrónico del representante 2/), 'eva@redandina.example.org');
    await user.click(screen.getByRole('button', { name: 'Presentar la solicitud' }));
    const link = await screen.findByTestId('tracking-link');
    expect(link.getAttribute('href')).toBe(`/es/accreditation/track/${TOKEN}`);
    // The focus is on the message with the tracking link: the form has gone (#17 item 5).
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('application-sent')));
    const [sent] = api.sentTo('POST', '/api/v1/stakeholder-applications');
    expect(sent!.body).toEqual({
      names: { en: 'Andean Cybersecurity Network', es: 'Red Andina de Ciberseguridad' },
      kind: 'academia',
      headquarters: 'CHL',
      website: 'https://redandina.example.org',
      purpose: 'Cooperación regional.',
      relevantWork: 'Talleres.',
      ecosoc: { status: 'roster', since: 2015 },
      contact: { name: 'Ana Pérez', email: 'ana@redandina.example.org' },
      representatives: [
        { name: 'Luis Díaz', email: 'luis@redandina.example.org' },
        { name: 'Eva Soto', email: 'eva@redandina.example.org' },
      ],
      language: 'es',
    });
    expect(api.unanswered).toEqual([]);
  });

  it('without ECOSOC status sends none; a field the server refuses is named beside it', async () => {
    const { user, api } = applyPage('en');
    api.on('POST', '/api/v1/stakeholder-applications', () => problem(400, 'validation', 'The request is not valid.', [{ field: 'body.website', message: 'an http or https address' }]));
    await fill(user, await screen.findByLabelText(/^Name in English/), 'Net Institute');
    await waitFor(() => expect(screen.getByRole('option', { name: 'Chile' })).toBeTruthy());
    await user.selectOptions(screen.getByLabelText(/^Country of headquarters/), 'CHL');
    await fill(user, screen.getByLabelText(/^Website/), 'ftp://net.example.org');
    await fill(user, screen.getByLabelText(/^Purpose/), 'Research.');
    await fill(user, screen.getByLabelText(/^Relevant work/), 'Papers.');
    await fill(user, screen.getByLabelText(/^Contact person/), 'Kim');
    await fill(user, screen.getByLabelText(/^Contact email/), 'kim@net.example.org');
    await fill(user, screen.getByLabelText(/^Name of representative 1/), 'Kim');
    await fill(user, screen.getByLabelText(/^Email of representative 1/), 'kim@net.example.org');
    await user.click(screen.getByRole('button', { name: 'Submit the application' }));
    await screen.findByText('an http or https address');
    const [sent] = api.sentTo('POST', '/api/v1/stakeholder-applications');
    expect(sent!.body.ecosoc).toBeNull();
    expect(sent!.body.names).toEqual({ en: 'Net Institute' });
    expect(sent!.body.language).toBe('en');
  });
});

describe('following an application', () => {
  it('answers the Secretariat’s request for more information with the private link', async () => {
    const tracking = (status: string) => ({
      id: 'a1',
      status,
      organisation: { id: 'o1', name: 'Red Andina', names: { es: 'Red Andina' }, kind: 'ngo', headquarters: 'CHL', website: null, ecosoc: null },
      language: 'es',
      period: null,
      steps: [
        { kind: 'submitted', note: null, at: '2026-12-01T10:00:00.000Z' },
        { kind: 'information-requested', note: '¿Quién financia la Red?', at: '2026-12-02T10:00:00.000Z' },
      ],
      objections: null,
    });
    let status = 'information-requested';
    const { user, api } = renderPage(`/es/accreditation/track/${TOKEN}`, [{ path: 'accreditation/track/:token', element: <TrackPage /> }], (api) => {
      api
        .on('GET', '/api/v1/me', me(null))
        .on('GET', '/api/v1/stakeholder-applications/track/:token', () => json(tracking(status)))
        .on('GET', '/api/v1/states/:iso3', problem(404, 'not-found', 'no'))
        .on('POST', '/api/v1/stakeholder-applications/track/:token/information', () => {
          status = 'submitted';
          return json({ status });
        });
    });
    await fill(user, await screen.findByLabelText(/^Su respuesta/), 'Fundaciones privadas.');
    expect(screen.getAllByText('¿Quién financia la Red?').length).toBeGreaterThan(0);
    await user.click(screen.getByRole('button', { name: 'Enviar la respuesta' }));
    const sent = await screen.findByText('Su respuesta se ha enviado a la Secretaría.');
    // The focus goes to the message that says so (#17 item 5), not left on a form that has gone.
    await waitFor(() => expect(document.activeElement).toBe(sent.closest('[data-done]')));
    expect(api.sentTo('POST', `/api/v1/stakeholder-applications/track/${TOKEN}/information`)[0]!.body).toEqual({ answer: 'Fundaciones privadas.' });
    await waitFor(() => expect(screen.queryByRole('textbox')).toBeNull());
  });
});
