import { withAdminContext } from '../admin-context';
import type { AdminCommand } from './admin-command';

/** The operator's incident commands: the same use cases the board calls at /v1/incidents. */
export const INCIDENT_COMMANDS: readonly AdminCommand[] = [
  {
    name: 'incidents:open',
    usage:
      '--kind recipient_breach|provider_breach|bank_breach [--recipient ID] [--provider ID] [--categories A,B] --from T --to T --description S [--measures S]: open an incident and compute whom it affected',
    options: ['kind', 'recipient', 'provider', 'categories', 'from', 'to', 'description', 'measures'],
    fields: {
      '/kind': 'kind',
      '/recipientId': 'recipient',
      '/providerId': 'provider',
      '/categories': 'categories',
      '/from': 'from',
      '/to': 'to',
      '/description': 'description',
      '/measures': 'measures',
    },
    run: async (config, options) => {
      const input = {
        kind: options.required('kind'),
        recipientId: options.optional('recipient'),
        providerId: options.optional('provider'),
        categories: options.optional('categories') === undefined ? undefined : options.list('categories'),
        from: options.required('from'),
        to: options.required('to'),
        description: options.required('description'),
        measures: options.optional('measures'),
      };
      const { OpenIncidentUseCase } = await import('@infobank/oversight');
      return withAdminContext(config, (app, ctx) => app.get(OpenIncidentUseCase).execute(ctx, input));
    },
  },
  {
    name: 'incidents:list',
    usage: 'incidents, newest first',
    options: [],
    run: async (config) => {
      const { ListIncidentsUseCase } = await import('@infobank/oversight');
      return withAdminContext(config, (app, ctx) => app.get(ListIncidentsUseCase).execute(ctx));
    },
  },
  {
    name: 'incidents:show',
    usage: '--id ID: one incident with its steps',
    options: ['id'],
    run: async (config, options) => {
      const { GetIncidentUseCase } = await import('@infobank/oversight');
      return withAdminContext(config, (app, ctx) => app.get(GetIncidentUseCase).execute(ctx, options.required('id')));
    },
  },
  {
    name: 'incidents:notify',
    usage: '--id ID: tell every affected individual (the worker writes the notifications)',
    options: ['id'],
    run: async (config, options) => {
      const { StartIncidentNotificationUseCase } = await import('@infobank/oversight');
      return withAdminContext(config, (app, ctx) => app.get(StartIncidentNotificationUseCase).execute(ctx, options.required('id')));
    },
  },
  {
    name: 'incidents:close',
    usage: '--id ID [--measures S]: close a notified incident',
    options: ['id', 'measures'],
    fields: { '/measures': 'measures' },
    run: async (config, options) => {
      const { CloseIncidentUseCase } = await import('@infobank/oversight');
      return withAdminContext(config, (app, ctx) =>
        app.get(CloseIncidentUseCase).execute(ctx, options.required('id'), { measures: options.optional('measures') }),
      );
    },
  },
  {
    name: 'incidents:regulator-report',
    usage: '--id ID: the report to the Personal Information Protection Commission (no personal data)',
    options: ['id'],
    run: async (config, options) => {
      const { GetRegulatorReportUseCase } = await import('@infobank/oversight');
      return withAdminContext(config, (app, ctx) => app.get(GetRegulatorReportUseCase).execute(ctx, options.required('id')));
    },
  },
];
