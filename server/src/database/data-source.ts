/** The data source the TypeORM CLI uses (migration:generate / run / revert), from the same config as the server. */
import 'reflect-metadata';
import { loadConfig } from '../common/config/app-config';
import { createDataSource, dataSourceOptions } from './data-source-options';

export default createDataSource(dataSourceOptions(loadConfig().databaseUrl));
