import { TicketCreate } from './TicketCreate';
import { TicketList } from './TicketList';
import { TicketShow } from './TicketShow';

export default { list: TicketList, show: TicketShow, create: TicketCreate };
